import CShim
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
    /// One thread, one poll(2) on the OOM watch's fd and a pidfd of init, with the time left
    /// to the next tick as the timeout. runc exits when its OOM channel closes (v2:
    /// cgroup.events says `populated 0`; v1: only once the cgroup is removed); strun also
    /// stops as soon as init is gone, so a v1 container that exited does not print zeros
    /// until `delete`.
    /// A failed stats read is logged and skipped, as runc does; a failed `emit` ends it.
    public func events(id: String, interval: Int64,
                       emit: (ContainerEvent) throws(StrataError) -> Void) throws(StrataError) {
        let record = try runningRecord(id)
        let manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
        var watch: OOMWatch
        do { watch = try OOMWatch.start(manager) } catch { throw error.within("events for container \(id)") }
        defer { watch.close() }
        // Without pidfds (Linux < 5.3) init's end is noticed at the next tick instead.
        let pidfd = strata_pidfd_open(record.pid)
        defer { if pidfd >= 0 { close(pidfd) } }
        // The pid may have been reused between loading the record and opening the pidfd.
        guard StatusProbe.initAlive(record) else { return }

        var nextTick = MonotonicClock.nanoseconds() &+ interval
        while true {
            if try wait(&watch, pidfd: pidfd, until: nextTick, id: id, emit: emit) { return }
            if !StatusProbe.initAlive(record) {
                // An OOM that killed init may land between the poll and this check.
                if watch.collect().oom { try emit(.oom(id: id)) }
                return
            }
            let now = MonotonicClock.nanoseconds()
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

    /// Polls the OOM watch and init's pidfd until `deadline` (monotonic ns) or until one
    /// fires; emits an oom event for what the watch saw. True when the container ended:
    /// the watch says the cgroup is gone or empty, or init exited.
    private func wait(_ watch: inout OOMWatch, pidfd: Int32, until deadline: Int64, id: String,
                      emit: (ContainerEvent) throws(StrataError) -> Void) throws(StrataError) -> Bool {
        let left = max(0, deadline &- MonotonicClock.nanoseconds())
        // Round up, so a sub-millisecond rest does not spin with a zero timeout.
        let timeout = Int32(clamping: (left + 999_999) / 1_000_000)
        // A negative fd is ignored by poll(2): no pidfd, no entry to watch.
        var fds = [pollfd(fd: watch.fd, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)]
        let n = poll(&fds, nfds_t(fds.count), timeout)
        if n < 0 {
            if currentErrno() == EINTR { return false }
            throw StrataError.system("poll", "oom watch of container \(id)")
        }
        guard n > 0 else { return false }
        // The watch first: an OOM that killed init is reported before the end.
        let report = watch.collect()
        if report.oom { try emit(.oom(id: id)) }
        return report.ended || fds[1].revents != 0
    }
}

