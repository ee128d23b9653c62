#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec
import StrataCgroups

extension Runtime {
    /// `strun exec ID`: a new process in every namespace of a running container, in its
    /// cgroup, under its seccomp filter, with the process's identity and capabilities.
    /// Detached it returns 0 once the process has exec'd; in the foreground it forwards
    /// signals, proxies a terminal and returns the process's exit status (128+n for a signal).
    public func exec(_ options: ExecOptions) throws(StrataError) -> Int32 {
        try ContainerID.validate(options.id)
        let record = try store.load(options.id)
        let current = status(of: record)
        switch current {
        case .stopped: throw StrataError.message("cannot exec in a stopped container")
        case .paused where !options.ignorePaused:
            throw StrataError.message("cannot exec in a paused container (use --ignore-paused to override)")
        default: break
        }
        let path = Files.exists(store.config(record.id)) ? store.config(record.id) : record.bundle + "/config.json"
        let bytes: [UInt8]
        do { bytes = try Files.read(path) } catch { throw error.within("exec \(options.id)") }
        let spec: Spec
        do { spec = try Spec.load(fromJSON: bytes) } catch {
            throw StrataError("exec", options.id, reason: "the container's config \(path): \(error.description)")
        }
        let process = try ExecProcessSpec.make(options, container: spec)
        if (process.terminal ?? false) && options.detach && options.consoleSocket == nil {
            throw StrataError.message("cannot allocate tty if strun will detach without setting console socket")
        }
        let seccomp: SeccompProgram?
        do { seccomp = try SeccompCache.program(forOptional: spec.linux?.seccomp, root: store.root) } catch {
            throw error.within("exec \(options.id)")
        }
        return try ExecLauncher(runtime: self, options: options, record: record, spec: spec,
                                process: process, seccomp: seccomp, paused: current == .paused).launch()
    }
}

/// The parent side of `exec`.
struct ExecLauncher {
    let runtime: Runtime
    let options: ExecOptions
    let record: ContainerRecord
    let spec: Spec
    let process: Process
    let seccomp: SeccompProgram?
    /// --ignore-paused into a frozen cgroup: the process freezes as soon as it is placed,
    /// so its exec cannot be awaited; it happens at resume.
    let paused: Bool

    func launch() throws(StrataError) -> Int32 {
        // Every namespace the container has, opened now, before anything changes: the
        // init's /proc/PID/ns files name the namespaces it created or joined.
        var joins: [(kind: NamespaceKind, fd: Int32, path: String)] = []
        defer { for j in joins { closeFD(j.fd) } }
        // Through a descriptor of /proc/PID, which keeps naming that process even if it
        // exits and the pid is reused; the start time checked afterwards proves it is the
        // container's init and not a newcomer with its pid.
        let procDir = "/proc/\(record.pid)"
        let dirFD = try sys("open", procDir) { open(procDir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { closeFD(dirFD) }
        for ns in spec.linux?.namespaces ?? [] {
            guard let kind = NamespaceKind(rawValue: ns.type) else { continue }
            let path = "\(procDir)/ns/\(kind.procName)"
            let fd = try sys("open", path) { openat(dirFD, "ns/" + kind.procName, O_RDONLY | O_CLOEXEC) }
            joins.append((kind, fd, path))
        }
        guard Processes.stat(of: record.pid)?.startTime == record.initStartTime else {
            throw StrataError.message("cannot exec in a stopped container")
        }
        // A user namespace first: the others belong to it.
        joins.sort { ($0.kind == .user ? 0 : 1) < ($1.kind == .user ? 0 : 1) }

        let terminal = process.terminal ?? false
        var consoleFD: Int32 = -1
        var consolePair: (Channel, Channel)?
        if terminal {
            if let socket = options.consoleSocket {
                consoleFD = try ConsoleSocket.connect(socket)
            } else {
                let pair = try Channel.streamPair()
                consolePair = pair
                consoleFD = pair.1.fd
            }
        }
        defer {
            if consolePair == nil { closeFD(consoleFD) }
            consolePair?.0.close()
            consolePair?.1.close()
        }

        let foreground = !options.detach
        let restoreMask = foreground ? Signals.setBlocked(Signals.all) : 0
        defer { if foreground { Signals.setBlocked(restoreMask) } }
        // The new process is a grandchild (a pid namespace applies to children only); as
        // a subreaper we get it back to wait for once the middle process exits.
        if foreground { Processes.setSubreaper() }

        let (parentEnd, childEnd) = try Channel.pair()
        defer { parentEnd.close() }
        let context = ExecContext(process: process, joins: joins, channel: childEnd, consoleSocketFD: consoleFD,
                                  seccomp: seccomp, preserveFDs: options.preserveFDs, signalMask: restoreMask,
                                  keyringOf: record.noNewKeyring ? nil : record.id)
        let middle = try Processes.cloneProcess(flags: 0)
        if middle == 0 {
            parentEnd.close()
            ExecChild.run(context)
        }
        childEnd.close()
        consolePair?.1.close()

        var pid: Int32 = -1
        do {
            pid = try receivePid(parentEnd)
            _ = try? Processes.wait(middle)
            try place(pid)
            try parentEnd.send(.go([]))
            if !paused { try awaitExec(parentEnd, pid: pid) }
        } catch {
            if pid > 0 { kill(pid, SIGKILL); _ = try? Processes.wait(pid) }
            kill(middle, SIGKILL)
            _ = try? Processes.wait(middle)
            throw error.within("exec \(options.id)")
        }
        if let pidFile = options.pidFile {
            try Files.writeAtomically(Paths.absolute(pidFile), Array(String(pid).utf8))
        }
        if options.detach { return 0 }
        var master: Int32 = -1
        if terminal, let pair = consolePair, let (_, fd) = try? pair.0.receive(), fd >= 0 { master = fd }
        defer { closeFD(master) }
        return try SignalForwarder(initPid: pid, master: master).run().shellCode
    }

    private func receivePid(_ channel: Channel) throws(StrataError) -> Int32 {
        switch try channel.next() {
        case .pid(let pid)?: return pid
        case .failed(let text)?: throw StrataError.message(text)
        case nil: throw StrataError("start process", options.id, reason: "the process exited while joining the container's namespaces")
        case let other?: throw StrataError("start process", options.id, reason: "unexpected \(other.encoded)")
        }
    }

    /// Into the container's cgroup in every hierarchy, before the process runs anything of
    /// its own. A rootless container whose cgroups were skipped has none to join.
    private func place(_ pid: Int32) throws(StrataError) {
        // From the host, on the waiting process: it never has to become dumpable inside
        // the container, and a hard limit is raised with the host's privilege.
        try ProcessSetup.applyRlimits(process.rlimits ?? [], pid: pid)
        if let adj = process.oomScoreAdj {
            do { try ProcessSetup.setOOMScoreAdj(Int(adj), pid: pid, procfs: ProcFS.open()) } catch {
                // Unprivileged, the file of a non-dumpable process is root's.
                guard runtime.rootless && error.errno == EACCES else { throw error }
                runtime.logger.warning("oomScoreAdj \(adj) not applied: \(error.description)")
            }
        }
        let manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
        if runtime.rootless && !manager.exists { return }
        try manager.addProcess(pid: pid)
    }

    /// Until the channel closes at the exec (it is close-on-exec), passing a seccomp
    /// listener fd on; an error message from the process is rethrown.
    private func awaitExec(_ channel: Channel, pid: Int32) throws(StrataError) {
        while true {
            let (message, fd) = try channel.nextWithFD()
            defer { if fd >= 0 { closeFD(fd) } }
            switch message {
            case nil: return
            case .failed(let text)?: throw StrataError.message(text)
            case .seccompListener? where fd >= 0:
                try SeccompListener.send(listenerFD: fd, to: seccomp?.listenerPath ?? "", metadata: seccomp?.listenerMetadata,
                                         record: record, processPid: pid)
            case let other?:
                throw StrataError("start process", options.id, reason: "unexpected \(other.encoded)")
            }
        }
    }
}
