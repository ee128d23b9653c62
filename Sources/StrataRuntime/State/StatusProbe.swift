#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// Works out a container's live status from its record and the host.
public enum StatusProbe {
    /// paused when the cgroup is frozen (a created container can be paused too); created
    /// while init waits on the exec fifo; running after start; stopped once init is gone
    /// (or a zombie, or a reused pid). A record still marked `creating` is creating while
    /// its creator holds the directory's lock, and stopped once the creator is gone (a
    /// killed create): `lockHeld` says the caller holds that lock itself.
    public static func status(of record: ContainerRecord, store: StateStore, lockHeld: Bool = false,
                              frozen: () -> Bool) -> ContainerStatus {
        if record.creating {
            return !lockHeld && store.isLockedElsewhere(record.id) ? .creating : .stopped
        }
        guard initAlive(record) else { return .stopped }
        if frozen() { return .paused }
        if !record.started && Files.exists(store.fifo(record.id)) { return .created }
        return .running
    }

    /// True when the recorded init still exists, is not a zombie, and is the same process.
    public static func initAlive(_ record: ContainerRecord) -> Bool {
        guard record.pid > 0, let stat = Processes.stat(of: record.pid) else { return false }
        return stat.startTime == record.initStartTime && stat.state != "Z" && stat.state != "X"
    }
}
