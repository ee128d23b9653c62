import StrataSystem
import StrataCgroups

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
