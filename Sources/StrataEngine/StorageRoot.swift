import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Where the engine keeps everything: /var/lib/strata as root, $XDG_DATA_HOME/strata (else
/// ~/.local/share/strata) otherwise; STRATA_ROOT or --root override it (tests use their own).
///
///     <root>/strata.db                 the container records
///     <root>/containers/<id>/          config.json (the bundle), ctr.log, monitor.lock, health
///     <root>/runtime/<runtime name>/   the runtime's --root (one per runtime: state formats differ)
public struct StorageRoot: Sendable, Equatable {
    public let path: String

    public init(path: String) {
        self.path = Paths.absolute(path)
    }

    /// The root from --root, else STRATA_ROOT, else the per-user default.
    public static func resolve(_ given: String?) -> StorageRoot {
        if let given, !given.isEmpty { return StorageRoot(path: given) }
        if let env = getenv("STRATA_ROOT"), env.pointee != 0 { return StorageRoot(path: String(cString: env)) }
        return StorageRoot(path: defaultPath())
    }

    public static func defaultPath() -> String {
        if geteuid() == 0 { return "/var/lib/strata" }
        if let xdg = getenv("XDG_DATA_HOME"), xdg.pointee != 0 { return String(cString: xdg) + "/strata" }
        let home = getenv("HOME").map { String(cString: $0) } ?? "/tmp"
        return home + "/.local/share/strata"
    }

    public var database: String { path + "/strata.db" }
    public func containerDirectory(_ id: String) -> String { path + "/containers/" + id }
    public func logFile(_ id: String) -> String { containerDirectory(id) + "/ctr.log" }

    /// The state root handed to `runtime --root`: one per runtime binary name.
    public func runtimeRoot(for runtime: String) -> String {
        path + "/runtime/" + (runtime.split(separator: "/").last.map(String.init) ?? "runtime")
    }

    /// Makes the directories (0700: records hold commands and environment variables).
    public func prepare() throws(StrataError) {
        try Files.makeDirectories(path + "/containers", mode: 0o700)
        try Files.makeDirectories(path + "/runtime", mode: 0o700)
    }
}
