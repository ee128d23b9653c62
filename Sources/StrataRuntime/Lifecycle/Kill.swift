#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

extension Runtime {
    /// `strun kill [--all] ID SIGNAL`. Signal 0 only checks that the init is alive (also
    /// with --all: freezing the cgroup to send nothing would be all cost).
    public func kill(id: String, signal: Int32, all: Bool) throws(StrataError) {
        try ContainerID.validate(id)
        let record = try store.load(id)
        let current = status(of: record)
        let all = all && signal != 0
        // A create that has not cloned its init yet has no pid: kill(0) would signal
        // our own process group.
        if (current == .stopped && (!all || !record.cgroupMade)) || record.pid <= 0 {
            // containerd matches this phrase.
            throw StrataError.message("container not running")
        }
        // Until its create made the cgroup, a directory at the cgroup path is not this
        // container's: only the init is signalled.
        if all && record.cgroupMade {
            let manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
            try manager.killAll(signal: signal)
            return
        }
        if Glibc.kill(record.pid, signal) != 0 {
            if currentErrno() == ESRCH { throw StrataError.message("container not running") }
            throw StrataError.system("kill", "container \(id) init \(record.pid)")
        }
    }
}
