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
        var record = try store.load(id)
        switch status(of: record) {
        case .created: break
        case .stopped: throw StrataError.message("cannot start a container that has stopped")
        case .running: throw StrataError.message("cannot start an already running container")
        case .paused: throw StrataError.message("cannot start a paused container")
        default: throw StrataError.message("cannot start a container in the \(status(of: record).rawValue) state")
        }
        try releaseInit(record)
        record.started = true
        try store.save(record)
        runPoststart(record)
    }

    /// Writes the byte init waits for. Non-blocking: with no reader, init is gone.
    func releaseInit(_ record: ContainerRecord) throws(StrataError) {
        let path = store.fifo(record.id)
        let fd = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
        if fd < 0 {
            if currentErrno() == ENXIO { throw StrataError.message("cannot start container \(record.id): init process exited") }
            throw StrataError.system("open exec fifo", path)
        }
        var byte: UInt8 = 0
        let n = write(fd, &byte, 1)
        let code = currentErrno()
        closeFD(fd)
        if n != 1 { throw StrataError.system("write exec fifo", path, errno: code) }
        unlink(path)
    }

    func runPoststart(_ record: ContainerRecord) {
        guard let hooks = record.poststart, !hooks.isEmpty else { return }
        do {
            try HookRunner.runAll(hooks, kind: "poststart", state: StateView.json(record, status: .running))
        } catch {
            // The spec: a failing poststart hook is a warning; the container keeps running.
            logger.warning("\(error.description)")
        }
    }
}
