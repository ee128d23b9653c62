#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

extension Runtime {
    /// `strun start ID`: releases the init waiting on the exec fifo, then runs poststart.
    public func start(id: String) throws(StrataError) {
        try ContainerID.validate(id)
        let lock = try store.lock(id)
        defer { lock.release() }
        var record = try store.load(id, in: lock)
        let current = status(of: record, locked: true)
        switch current {
        case .created: break
        case .stopped: throw StrataError.message("cannot start a container that has stopped")
        case .running: throw StrataError.message("cannot start an already running container")
        case .paused: throw StrataError.message("cannot start a paused container")
        default: throw StrataError.message("cannot start a container in the \(current.rawValue) state")
        }
        try releaseInit(record, lock: lock)
        record.started = true
        try store.save(record, in: lock)
        runPoststart(record)
    }

    /// Writes the byte init waits for, then waits until init has exec'd (or died), so
    /// that poststart hooks run after the user process started, as the spec requires.
    /// Non-blocking open: with no reader, init is gone. The fifo is reached through the
    /// locked directory, never by a path a racing delete and create could re-point.
    func releaseInit(_ record: ContainerRecord, lock: ContainerLock) throws(StrataError) {
        let path = store.fifo(record.id)
        let name = StateStore.fifoName
        // Opened before the write: once init's close-on-exec fifo fd goes away at exec,
        // no writer is left and this end reports POLLHUP.
        // Only poststart hooks need it: without them, start returns once init has its byte.
        let needsExec = !(record.poststart ?? []).isEmpty
        let watch = needsExec ? openat(lock.fd, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW) : -1
        defer { closeFD(watch) }
        let fd = openat(lock.fd, name, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW)
        if fd < 0 {
            if currentErrno() == ENXIO { throw StrataError.message("cannot start container \(record.id): init process exited") }
            throw StrataError.system("open exec fifo", path)
        }
        var byte: UInt8 = 0
        let n = write(fd, &byte, 1)
        let code = currentErrno()
        closeFD(fd)
        if n != 1 { throw StrataError.system("write exec fifo", path, errno: code) }
        unlinkat(lock.fd, name, 0)
        if watch >= 0 { Self.waitForExec(watch) }
    }

    /// Polls the fifo's read end until no writer is left. We never read: the byte is
    /// init's. While it is still unread, POLLIN fires without POLLHUP: back off briefly.
    static func waitForExec(_ fd: Int32) {
        var pfd = pollfd(fd: fd, events: 0, revents: 0)
        while true {
            pfd.revents = 0
            let n = poll(&pfd, 1, -1)
            if n < 0 && currentErrno() == EINTR { continue }
            if n < 0 || pfd.revents & Int16(POLLHUP | POLLERR) != 0 { return }
            usleep(50)
        }
    }

    func runPoststart(_ record: ContainerRecord) {
        guard let hooks = record.poststart, !hooks.isEmpty else { return }
        // The spec: a failing poststart hook is a warning; the container keeps running.
        for failure in HookRunner.runAllReporting(hooks, kind: "poststart", state: StateView.json(record, status: .running)) {
            logger.warning("\(failure.description)")
        }
    }
}
