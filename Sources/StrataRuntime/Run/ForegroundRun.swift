#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

extension Runtime {
    /// `strun create ID`.
    public func create(_ options: CreateOptions) throws(StrataError) {
        var options = options
        options.foreground = false
        try Creator(runtime: self, options: options).create().lock.release()
    }

    /// `strun run ID`: create and start. Detached, it returns 0 once started; in the
    /// foreground it forwards signals, proxies the terminal, reaps, deletes the container
    /// and returns the container's exit status (128+n for a signal).
    public func run(_ options: CreateOptions, detach: Bool, keep: Bool = false, subreaper: Bool = true) throws(StrataError) -> Int32 {
        if detach {
            var options = options
            options.foreground = false
            let created = try Creator(runtime: self, options: options).create()
            defer { created.lock.release() }
            try startCreated(created.record, lock: created.lock)
            return 0
        }
        var options = options
        options.foreground = true
        options.subreaper = subreaper
        options.restoreMask = Signals.setBlocked(Signals.all)
        defer { Signals.setBlocked(options.restoreMask) }

        var consolePair: (Channel, Channel)?
        if options.consoleSocket == nil {
            // Terminal without a console socket: we are the console's other end.
            let pair = try Channel.streamPair()
            consolePair = pair
            options.consoleFD = pair.1.fd
        }
        defer {
            consolePair?.0.close()
            consolePair?.1.close()
        }
        let created = try Creator(runtime: self, options: options).create()
        var lock: ContainerLock? = created.lock
        defer { lock?.release() }
        consolePair?.1.close()
        var master: Int32 = -1
        if created.record.terminal, let pair = consolePair {
            if let (_, fd) = try? pair.0.receive(), fd >= 0 { master = fd }
        }
        var record = created.record
        do {
            try startCreated(record, lock: created.lock)
            record.started = true
        } catch {
            try? destroy(record, killFirst: true, lock: created.lock)
            throw error
        }
        // While the container runs, other commands (delete --force among them) may lock it.
        created.lock.release()
        lock = nil
        let status = try SignalForwarder(initPid: record.pid, master: master).run()
        closeFD(master)
        if keep {
            // --keep: the container stays, stopped, until `delete`.
            return status.shellCode
        }
        // With its own pid namespace, the kernel killed everything when init died. A
        // container deleted meanwhile (delete --force from elsewhere) is gone already.
        let held: ContainerLock
        do { held = try store.lock(record.id) } catch {
            if error.errno == ENOENT { return status.shellCode }
            throw error
        }
        defer { held.release() }
        // The id may meanwhile name another container (deleted and created anew): not ours.
        guard let current = try? store.load(record.id, in: held),
              current.pid == record.pid, current.initStartTime == record.initStartTime else {
            return status.shellCode
        }
        try destroy(record, killFirst: !record.privatePidNamespace, lock: held)
        return status.shellCode
    }

    /// `start` for `run`: the state is not rewritten, since the fifo's removal alone
    /// already makes the status read "running".
    func startCreated(_ record: ContainerRecord, lock: ContainerLock) throws(StrataError) {
        try releaseInit(record, lock: lock)
        runPoststart(record)
    }
}
