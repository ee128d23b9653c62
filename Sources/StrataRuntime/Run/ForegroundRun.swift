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
        _ = try Creator(runtime: self, options: options).create()
    }

    /// `strun run ID`: create and start. Detached, it returns 0 once started; in the
    /// foreground it forwards signals, proxies the terminal, reaps, deletes the container
    /// and returns the container's exit status (128+n for a signal).
    public func run(_ options: CreateOptions, detach: Bool, keep: Bool = false, subreaper: Bool = true) throws(StrataError) -> Int32 {
        if detach {
            var options = options
            options.foreground = false
            let created = try Creator(runtime: self, options: options).create()
            try startCreated(created.record)
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
        consolePair?.1.close()
        var master: Int32 = -1
        if created.record.terminal, let pair = consolePair {
            if let (_, fd) = try? pair.0.receive(), fd >= 0 { master = fd }
        }
        var record = created.record
        do {
            try startCreated(record)
            record.started = true
        } catch {
            try? destroy(record, killFirst: true)
            throw error
        }
        let status = try SignalForwarder(initPid: record.pid, master: master).run()
        closeFD(master)
        if keep {
            // --keep: the container stays, stopped, until `delete`.
            return status.shellCode
        }
        // With its own pid namespace, the kernel killed everything when init died.
        try destroy(record, killFirst: !record.privatePidNamespace)
        return status.shellCode
    }

    /// `start` for `run`: the state is not rewritten, since the fifo's removal alone
    /// already makes the status read "running".
    func startCreated(_ record: ContainerRecord) throws(StrataError) {
        try releaseInit(record)
        runPoststart(record)
    }
}
