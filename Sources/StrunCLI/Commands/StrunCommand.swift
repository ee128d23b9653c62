import StrataSystem
import StrataRuntime

/// A `strun` subcommand: its command-line spec and the work, which returns the exit
/// status. Errors are reported in one place (`Strun.main`).
protocol StrunCommand {
    static var spec: CommandSpec { get }
    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32
}

/// Every subcommand, in `--help` order.
enum Commands {
    // Metatypes are not Sendable; the table is immutable and read-only after start.
    nonisolated(unsafe) static let all: [any StrunCommand.Type] = [
        CreateCommand.self, StartCommand.self, StateCommand.self, KillCommand.self,
        DeleteCommand.self, RunCommand.self, ExecCommand.self, ListCommand.self, PauseCommand.self, ResumeCommand.self,
        PsCommand.self, UpdateCommand.self, EventsCommand.self, SpecCommand.self, FeaturesCommand.self,
    ]
    static var specs: [CommandSpec] { all.map { $0.spec } }

    static func find(_ spec: CommandSpec) -> (any StrunCommand.Type)? {
        all.first { $0.spec.name == spec.name }
    }
}
