import StrataSystem
import StrataCgroups
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// `strun events --stats ID`: the container's cgroup stats plus its network
    /// interfaces. A stopped container is refused with runc's phrase.
    public func stats(id: String) throws(StrataError) -> CgroupStats {
        let record = try runningRecord(id)
        return try stats(of: record)
    }

    /// The record of `id`, unless the container is stopped: runc's `events` refuses
    /// stopped containers (created and paused ones are fine).
    func runningRecord(_ id: String) throws(StrataError) -> ContainerRecord {
        try ContainerID.validate(id)
        let record = try store.load(id)
        if status(of: record) == .stopped {
            throw StrataError.message("container with id \(id) is not running")
        }
        return record
    }

    func stats(of record: ContainerRecord) throws(StrataError) -> CgroupStats {
        let manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
        var stats = try manager.stats()
        stats.networkInterfaces = NetworkStats.interfaces(pid: record.pid)
        return stats
    }
}

/// Network counters from the container's own network namespace.
enum NetworkStats {
    /// /proc/PID/net/dev shows the namespace of PID, so no setns is needed. runc fills
    /// network_interfaces only for interfaces it was configured to create, which an OCI
    /// bundle never does, so it prints null; strun reports what the namespace holds, but
    /// nothing for a container sharing strun's namespace (those would be the host's).
    static func interfaces(pid: Int32) -> [CgroupStats.NetworkInterface]? {
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
