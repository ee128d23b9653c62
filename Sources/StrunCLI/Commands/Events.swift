import StrataSystem
import StrataRuntime

/// `strun events [--stats] [--interval D] ID`: runc's JSON event stream, one object per
/// line. Output is written as each event happens, so a reader of the pipe sees it at once.
enum EventsCommand: StrunCommand {
    static let spec = CommandSpec("events", summary: "display container events such as OOM notifications, cpu, memory, and IO usage statistics",
                                  arguments: "<container-id>",
                                  options: [.value("interval", "set the stats collection interval (default: 5s)"),
                                            .flag("stats", "display the container's stats then exit")],
                                  min: 1, max: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        let id = args.positionals[0]
        // Checked even with --stats, as runc does.
        let interval = try GoDuration.interval(args.value("interval") ?? "5s")
        if args.has("stats") {
            try write(.stats(id: id, try runtime.stats(id: id)))
            return 0
        }
        try runtime.events(id: id, interval: interval, emit: write)
        return 0
    }

    /// A write error (the reader went away) ends the stream instead of being ignored.
    static func write(_ event: ContainerEvent) throws(StrataError) {
        try Files.writeAll(fd: 1, event.jsonLine, name: "stdout")
    }
}
