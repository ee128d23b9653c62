import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Network counters from a container's own network namespace. Not a cgroup's to know, but
/// read next to its stats by `strun events --stats` and by `strata stats`.
public enum NetworkStats {
    /// /proc/PID/net/dev shows the namespace of PID, so no setns is needed. runc fills
    /// network_interfaces only for interfaces it was configured to create, which an OCI
    /// bundle never does, so it prints null; this reports what the namespace holds, but
    /// nothing for a process sharing the caller's namespace (those would be the host's).
    public static func interfaces(pid: Int32) -> [CgroupStats.NetworkInterface]? {
        guard pid > 0, let own = namespaceInode("/proc/self/ns/net"),
              let theirs = namespaceInode("/proc/\(pid)/ns/net"), own != theirs else { return nil }
        let path = "/proc/\(pid)/net/dev"
        // Stats are best effort here: the process may exit between the two reads.
        guard let text = try? Files.readText(path),
              let found = try? StatParsers.netDev(text, source: path), !found.isEmpty else { return nil }
        return found
    }

    static func namespaceInode(_ path: String) -> ino_t? {
        var st = stat()
        return stat(path, &st) == 0 ? st.st_ino : nil
    }
}
