import StrataSystem
import StrataSpec
import StrataCgroups

extension Runtime {
    /// `strun pause ID`: freezes every process of a created or running container and
    /// returns once the kernel reports the cgroup frozen.
    public func pause(id: String) throws(StrataError) {
        let (record, lock) = try loadLocked(id)
        defer { lock.release() }
        switch status(of: record, locked: true) {
        case .created, .running:
            break
        case .paused:
            // runc answers "container not running" here, which misleads.
            throw StrataError.message("container \(id) is already paused")
        default:
            // containerd matches runc's phrase.
            throw StrataError.message("container not running")
        }
        let manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
        do { try manager.freeze() } catch { throw error.within("pause container \(id)") }
    }

    /// `strun resume ID`: thaws a paused container.
    public func resume(id: String) throws(StrataError) {
        let (record, lock) = try loadLocked(id)
        defer { lock.release() }
        guard status(of: record, locked: true) == .paused else {
            throw StrataError.message("container not paused")
        }
        let manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
        do { try manager.thaw() } catch { throw error.within("resume container \(id)") }
    }

    /// The record of `id` under the container's lock, for commands that change it.
    func loadLocked(_ id: String) throws(StrataError) -> (ContainerRecord, ContainerLock) {
        try ContainerID.validate(id)
        let lock = try store.lock(id)
        do {
            return (try store.load(id, in: lock), lock)
        } catch {
            lock.release()
            throw error
        }
    }
}
