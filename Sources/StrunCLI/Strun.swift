#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Logging
import StrataSystem
import StrataSpec
import StrataRuntime

/// `strun`: the OCI runtime's command line, runc's flags and subcommands.
public struct Strun: ParsableCommand {
    public static let version = "0.1.0"
    /// Set at build time by the Makefile (scripts/version.sh); "unknown" otherwise.
    public static let commit = BuildInfo.commit

    public static let configuration = CommandConfiguration(
        commandName: "strun",
        abstract: "strun: an OCI container runtime (runc-compatible command line)",
        subcommands: [Create.self, Start.self, State.self, Kill.self, Delete.self, Run.self,
                      List.self, SpecCommand.self, FeaturesCommand.self])

    public init() {}

    /// Parses argv, runs the command and exits with its status. Errors go to the log
    /// (--log, in its format) and, as runc does, to stderr; the exit status is then 1.
    public static func main(_ argv: [String]) -> Never {
        // A hook that exits without reading its state must not kill us with SIGPIPE;
        // the container's init resets this before exec.
        signal(SIGPIPE, SIG_IGN)
        let args = Array(argv.dropFirst())
        if args.first == "--version" || args.first == "-v" {
            print("strun version \(version)\ncommit: \(commit)\nspec: \(Spec.version)")
            Glibc.exit(0)
        }
        let command: any ParsableCommand
        do {
            let normalized = Arguments.normalize(args)
            guard ["true", "false", "auto"].contains(Arguments.rootless) else {
                try? Files.writeAll(fd: 2, Array("invalid --rootless value \"\(Arguments.rootless)\": use true, false or auto\n".utf8), name: "stderr")
                Glibc.exit(1)
            }
            command = try parseAsRoot(normalized)
        } catch {
            Self.exit(withError: error)
        }
        guard let strunCommand = command as? any StrunCommand else {
            // --help and the like: ArgumentParser handles them.
            do { var c = command; try c.run() } catch { Self.exit(withError: error) }
            Glibc.exit(0)
        }
        var logger: Logger?
        do {
            let runtime = try strunCommand.globals.runtime()
            logger = runtime.logger
            let status = try strunCommand.execute(runtime)
            Glibc.exit(status)
        } catch {
            let message = error.description
            if let logger, strunCommand.globals.log != nil {
                logger.error("\(message)")
            }
            let line = message + "\n"
            try? Files.writeAll(fd: 2, Array(line.utf8), name: "stderr")
            Glibc.exit(1)
        }
    }
}
