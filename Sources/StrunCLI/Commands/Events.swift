import StrataSystem
import StrataRuntime

enum EventsCommand: StrunCommand {
    static let spec = CommandSpec("events", summary: "display container events such as OOM notifications, cpu, memory, and IO usage statistics",
                                  arguments: "<container-id>",
                                  options: [.value("interval", "set the stats collection interval (default: 5s)"),
                                            .flag("stats", "display the container's stats then exit")],
                                  min: 1, max: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        throw StrataError.message("events is not implemented yet")
    }
}
