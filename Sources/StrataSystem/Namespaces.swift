import CShim
#if canImport(Glibc)
import Glibc
#endif

/// The Linux namespace kinds, with their OCI names and clone flags.
public enum NamespaceKind: String, CaseIterable, Sendable {
    case pid, network, mount, ipc, uts, user, cgroup, time

    /// The CLONE_NEW* flag.
    public var cloneFlag: Int32 {
        switch self {
        case .pid: return 0x2000_0000
        case .network: return 0x4000_0000
        case .mount: return 0x0002_0000
        case .ipc: return 0x0800_0000
        case .uts: return 0x0400_0000
        case .user: return 0x1000_0000
        case .cgroup: return 0x0200_0000
        case .time: return 0x0000_0080
        }
    }

    /// The name of the namespace file under /proc/PID/ns.
    public var procName: String {
        switch self {
        case .network: return "net"
        case .mount: return "mnt"
        default: return rawValue
        }
    }
}

/// unshare(2) and setns(2).
public enum Namespaces {
    public static func unshare(_ flags: Int32) throws(StrataError) {
        try sys("unshare", "namespaces 0x\(String(flags, radix: 16))") { strata_unshare(flags) }
    }

    /// Joins the namespace at `path` (e.g. /proc/1234/ns/net or a bind-mounted ns file).
    public static func join(path: String, kind: NamespaceKind) throws(StrataError) {
        let fd = try sys("open", path) { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        try sys("setns", "\(kind.rawValue) namespace \(path)") { strata_setns(fd, kind.cloneFlag) }
    }
}
