#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Logging
import StrataSystem
import StrataRuntime

/// runc's global flags (--rootless is taken by `Arguments`, since `spec --rootless` is a
/// flag of its own). Every subcommand includes them, and `Arguments.normalize` moves
/// the ones given before the subcommand name after it, so both placements work.
struct GlobalOptions: ParsableArguments {
    @Option(help: "root directory for storage of container state")
    var root: String?

    @Option(help: "set the log file to write strun logs to (default is stderr)")
    var log: String?

    @Option(name: .customLong("log-format"), help: "set the log format ('text' (default), or 'json')")
    var logFormat: String = "text"

    @Flag(help: "enable debug logging")
    var debug = false

    @Flag(name: .customLong("systemd-cgroup"), help: "enable systemd cgroup support (not supported yet: refused)")
    var systemdCgroup = false

    @Option(name: .customLong("criu"), help: .hidden)
    var criu: String?

    /// runc's default root is /run/runc; ours is /run/strun, or $XDG_RUNTIME_DIR/strun
    /// for an unprivileged user.
    var stateRoot: String {
        if let root { return root }
        if geteuid() != 0, let xdg = getenv("XDG_RUNTIME_DIR") {
            return String(cString: xdg) + "/strun"
        }
        return "/run/strun"
    }

    func validateValues() throws(StrataError) {
        guard ["text", "json"].contains(logFormat) else {
            throw StrataError.message("invalid log format \"\(logFormat)\": use text or json")
        }
    }

    /// A logger writing to --log (or stderr), in the chosen format.
    func makeLogger() -> Logger {
        var fd: Int32 = 2
        if let log {
            let opened = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            if opened >= 0 { fd = opened }
        }
        let format = StrunLogHandler.Format(rawValue: logFormat) ?? .text
        let level: Logger.Level = debug ? .debug : .info
        // A file descriptor is not Sendable-checked; the handler only writes to it.
        return Logger(label: "strun") { _ in StrunLogHandler(fd: fd, format: format, logLevel: level) }
    }

    func runtime() throws(StrataError) -> Runtime {
        try validateValues()
        return Runtime(root: stateRoot, logger: makeLogger(), systemdCgroup: systemdCgroup)
    }
}
