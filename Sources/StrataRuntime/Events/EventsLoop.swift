import StrataSystem
import StrataCgroups
#if canImport(Glibc)
import Glibc
#endif

extension Runtime {
    /// `strun events ID`: reports each OOM of the container as it happens and its stats
    /// every `interval` nanoseconds (the first after one interval, as runc's ticker), and
    /// returns once the container stops.
    ///
    /// One thread, one poll(2): the OOM watch's fd with the time left to the next tick as
    /// the timeout. runc exits when its OOM channel closes (v2: cgroup.events says
    /// `populated 0`; v1: only once the cgroup is removed); strun also stops when init
    /// is gone, so a v1 container that exited does not print zeros until `delete`.
    /// A failed stats read is logged and skipped, as runc does; a failed `emit` ends it.
    public func events(id: String, interval: Int64,
                       emit: (ContainerEvent) throws(StrataError) -> Void) throws(StrataError) {
        let record = try runningRecord(id)
        let manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
        var watch: OOMWatch
        do { watch = try OOMWatch.start(manager) } catch { throw error.within("events for container \(id)") }
        defer { watch.close() }

        var nextTick = MonotonicClock.now() &+ interval
        while true {
            if try waitForOOM(&watch, until: nextTick, id: id, emit: emit) { return }
            if !StatusProbe.initAlive(record) {
                // An OOM that killed init may land between the poll and this check.
                if watch.collect().oom { try emit(.oom(id: id)) }
                return
            }
            let now = MonotonicClock.now()
            guard now >= nextTick else { continue }
            // A tick missed while the host was busy is dropped, not replayed (Go's ticker).
            nextTick = max(nextTick &+ interval, now &+ 1)
            let sample: CgroupStats
            do {
                sample = try stats(of: record)
            } catch {
                logger.error("\(error.within("stats for container \(id)").description)")
                continue
            }
            try emit(.stats(id: id, sample))
        }
    }

    /// Polls the OOM watch until `deadline` (monotonic ns) or until it fires; emits an
    /// oom event for what it saw. True when the watch says the cgroup ended.
    private func waitForOOM(_ watch: inout OOMWatch, until deadline: Int64, id: String,
                            emit: (ContainerEvent) throws(StrataError) -> Void) throws(StrataError) -> Bool {
        let left = max(0, deadline &- MonotonicClock.now())
        // Round up, so a sub-millisecond rest does not spin with a zero timeout.
        let timeout = Int32(clamping: (left + 999_999) / 1_000_000)
        var pfd = pollfd(fd: watch.fd, events: Int16(POLLIN), revents: 0)
        let n = poll(&pfd, 1, timeout)
        if n < 0 {
            if currentErrno() == EINTR { return false }
            throw StrataError.system("poll", "oom watch of container \(id)")
        }
        guard n > 0 else { return false }
        let report = watch.collect()
        if report.oom { try emit(.oom(id: id)) }
        return report.ended
    }
}

/// CLOCK_MONOTONIC in nanoseconds: tick deadlines must not move with the wall clock.
enum MonotonicClock {
    static func now() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
    }
}
