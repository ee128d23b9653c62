import StrataSystem
import StrataRuntime

enum PauseCommand: StrunCommand {
    static let spec = CommandSpec("pause", summary: "pause suspends all processes inside the container",
                                  arguments: "<container-id>", min: 1, max: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.pause(id: args.positionals[0])
        return 0
    }
}

enum ResumeCommand: StrunCommand {
    static let spec = CommandSpec("resume", summary: "resumes all processes that have been previously paused",
                                  arguments: "<container-id>", min: 1, max: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.resume(id: args.positionals[0])
        return 0
    }
}
