#if canImport(Glibc)
import Glibc
#endif
import Logging
import StrataSystem
import StrataSpec
import StrataRuntime

/// `strun`: the OCI runtime's command line, runc's flags and subcommands.
public enum Strun {
    public static let version = "0.1.0"
    /// The git commit, generated at build time (BuildInfoPlugin); "unknown" outside git.
    public static let commit = BuildInfo.commit

    /// Parses argv, runs the command and exits with its status. Errors go to the log
    /// (--log, in its format) and, as runc does, to stderr; the exit status is then 1.
    public static func main(_ argv: [String]) -> Never {
        // A hook that exits without reading its state must not kill us with SIGPIPE;
        // the container's init resets this before exec.
        signal(SIGPIPE, SIG_IGN)
        let args = Array(argv.dropFirst())
        if args.first == "--version" || args.first == "-v" {
            Output.write(Array("strun version \(version)\ncommit: \(commit)\nspec: \(Spec.version)\n".utf8))
            exit(0)
        }
        let parsed: ParsedArguments
        do {
            parsed = try CommandLineParser.parse(args, commands: Commands.specs)
        } catch {
            if args.isEmpty || args.contains("--help") || args.contains("-h") {
                Output.write(Array(HelpText.main(Commands.specs).utf8))
                exit(0)
            }
            fail(error.description, logger: nil)
        }
        if parsed.wantsHelp {
            Output.write(Array(HelpText.command(parsed.command).utf8))
            exit(0)
        }
        var logger: Logger?
        do {
            let globals = try GlobalOptions(parsed)
            let runtimeLogger = globals.makeLogger()
            logger = globals.log == nil ? nil : runtimeLogger
            let runtime = Runtime(root: globals.root, logger: runtimeLogger, systemdCgroup: globals.systemdCgroup,
                                  rootless: globals.rootless, policy: globals.policy)
            guard let command = Commands.find(parsed.command) else { fail("no such command", logger: nil) }
            exit(try command.run(parsed, runtime))
        } catch {
            fail(error.description, logger: logger)
        }
    }

    private static func fail(_ message: String, logger: Logger?) -> Never {
        logger?.error("\(message)")
        // One line per failure, as runc's log line: text carried from elsewhere (a hook's
        // output, a value from the config) keeps its newlines escaped.
        var text = Substring(message)
        while text.last?.isNewline == true { text = text.dropLast() }
        let line = StrataError.escapingControlCharacters(String(text))
        try? Files.writeAll(fd: 2, Array((line + "\n").utf8), name: "stderr")
        exit(1)
    }
}
