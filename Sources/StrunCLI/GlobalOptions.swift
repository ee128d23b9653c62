#if canImport(Glibc)
import Glibc
#endif
import Logging
import StrataSystem
import StrataRuntime

/// runc's global options, read from the parsed arguments.
struct GlobalOptions {
    let root: String
    let log: String?
    let logFormat: StrunLogHandler.Format
    let debug: Bool
    let systemdCgroup: Bool
    let rootless: Bool
    /// --policy: a Strata policy file to enforce at create (see StrataPolicy.Admission).
    let policy: String?

    init(_ args: ParsedArguments) throws(StrataError) {
        if let root = args.value("root") {
            self.root = root
        } else if geteuid() != 0, let xdg = getenv("XDG_RUNTIME_DIR") {
            self.root = String(cString: xdg) + "/strun"
        } else {
            self.root = "/run/strun"
        }
        log = args.value("log")
        let format = args.value("log-format") ?? "text"
        guard let parsed = StrunLogHandler.Format(rawValue: format) else {
            throw StrataError.message("invalid log format \"\(format)\": use text or json")
        }
        logFormat = parsed
        debug = args.has("debug")
        systemdCgroup = args.has("systemd-cgroup")
        let rootless = args.value("rootless") ?? "auto"
        guard ["true", "false", "auto"].contains(rootless) else {
            throw StrataError.message("invalid --rootless value \"\(rootless)\": use true, false or auto")
        }
        self.rootless = rootless == "auto" ? geteuid() != 0 : rootless == "true"
        policy = args.value("policy")
    }

    /// A logger writing to --log (or stderr), in the chosen format.
    func makeLogger() -> Logger {
        var fd: Int32 = 2
        if let log {
            let opened = open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
            if opened >= 0 { fd = opened }
        }
        let format = logFormat
        let level: Logger.Level = debug ? .debug : .info
        return Logger(label: "strun") { _ in StrunLogHandler(fd: fd, format: format, logLevel: level) }
    }
}
