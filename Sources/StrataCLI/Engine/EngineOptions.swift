import ArgumentParser
import StrataEngine
import StrataSystem

/// Where the engine's records live: shared by every container command.
struct EngineOptions: ParsableArguments {
    @Option(name: .customLong("root"),
            help: ArgumentHelp("Storage root (default: $STRATA_ROOT, else /var/lib/strata as root, "
                               + "$XDG_DATA_HOME/strata otherwise).", valueName: "dir"))
    var root: String?

    /// Opens the engine and brings its records in line with what still runs.
    func engine(reconcile: Bool = true) throws -> Engine {
        let engine = try Engine(root: StorageRoot.resolve(root))
        if reconcile { try engine.reconcile() }
        return engine
    }
}

/// Output format of the listing commands (containers and images).
enum ListFormat: String, ExpressibleByArgument, CaseIterable {
    case table, json
}

/// Prints one error line and returns the exit code to throw (Docker's 125/126/127 for
/// run failures: ArgumentParser would exit 1 for any other error).
func engineFailure(_ message: String, code: Int32) -> ExitCode {
    FileHandleOut.stderr("Error: \(message)\n")
    return ExitCode(code)
}
