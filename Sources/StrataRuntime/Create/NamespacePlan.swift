#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// Which namespaces a container creates, which it joins, and how the clone must be done.
struct NamespacePlan {
    var create: Set<NamespaceKind> = []
    var joins: [(kind: NamespaceKind, path: String)] = []

    init(_ namespaces: [LinuxNamespace]) throws(StrataError) {
        for (index, ns) in namespaces.enumerated() {
            guard let kind = NamespaceKind(rawValue: ns.type) else {
                throw StrataError("validate", "linux.namespaces[\(index)].type", reason: "unknown namespace type \"\(ns.type)\"")
            }
            if let path = ns.path, !path.isEmpty {
                joins.append((kind, path))
            } else {
                create.insert(kind)
            }
        }
    }

    func has(_ kind: NamespaceKind) -> Bool {
        create.contains(kind) || joins.contains { $0.kind == kind }
    }

    /// One clone(2) can do everything when nothing is joined by path and no time namespace
    /// is asked for: the pid namespace applies to the cloned child directly. A time
    /// namespace needs its offsets written between unshare and fork, which must happen
    /// in the child: done in strun, every hook it runs later would land in it too. The
    /// cgroup namespace is never cloned: it must wait for the cgroup placement.
    var fastPath: Bool { joins.isEmpty && !create.contains(.time) }

    /// Flags for the fast-path clone.
    var cloneFlags: Int32 {
        create.filter { $0 != .cgroup && $0 != .time }.reduce(0) { $0 | $1.cloneFlag }
    }

    /// Flags the slow-path child unshares after joining (user handled separately).
    var unshareFlags: Int32 {
        create.filter { $0 != .cgroup && $0 != .time && $0 != .user }.reduce(0) { $0 | $1.cloneFlag }
    }

    /// The slow path forks again when the pid or time namespace changes, since both apply
    /// to children only.
    var needsSecondFork: Bool {
        has(.pid) || has(.time)
    }

    /// Opens every path to join, user first, before any namespace changes.
    func openJoins() throws(StrataError) -> [(kind: NamespaceKind, fd: Int32, path: String)] {
        var out: [(kind: NamespaceKind, fd: Int32, path: String)] = []
        let ordered = joins.filter { $0.kind == .user } + joins.filter { $0.kind != .user }
        for join in ordered {
            let fd = open(join.path, O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                let code = currentErrno()
                for o in out { closeFD(o.fd) }
                throw StrataError.system("open", "\(join.kind.rawValue) namespace path \(join.path)", errno: code)
            }
            out.append((join.kind, fd, join.path))
        }
        return out
    }
}
