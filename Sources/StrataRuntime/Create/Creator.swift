#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec
import StrataCgroups
import StrataPolicy

/// `create`'s --debug timings (see `Creator.create`): when it began, and the admission's line
/// until it is logged.
struct CreateTiming {
    var started: Int64
    var admission: String?
}

/// The parent side of `create`: prepares everything, clones the init, drives the sync
/// protocol, runs the runtime hooks and saves the state. On any failure it removes all it
/// made (process, cgroup, state directory) before the error is thrown.
struct Creator {
    let runtime: Runtime
    let options: CreateOptions

    /// What a successful create leaves for `run` to continue with.
    struct Created {
        var record: ContainerRecord
        var spec: Spec
        /// The pid `clone` returned: the init itself on the fast path.
        var clonedPid: Int32
        /// The container's lock, still held: `run` starts the container under it, so that
        /// no delete and re-create of the id can come in between. The caller releases it.
        var lock: ContainerLock
    }

    func create() throws(StrataError) -> Created {
        // Under --debug only: how long create takes from here to the clone, and the admission
        // step within it, which `scripts/bench.sh` compares with and without a policy. Timed
        // only then, because the first clock read of a process faults in the vDSO's data
        // page. Both go in one line at the clone, so that the debug log's own cost stays out
        // of the time (warnings, when a config causes any, fall inside it); a create that
        // fails before the clone logs the admission alone.
        let timed = runtime.logger.logLevel <= .debug
        var timing = CreateTiming(started: timed ? MonotonicClock.nanoseconds() : 0)
        defer { if let admission = timing.admission { runtime.logger.debug("\(admission)") } }
        let id = options.id
        try ContainerID.validate(id)
        let bundle = Paths.absolute(options.bundle)
        try DirectoryCheck.require(bundle, "open bundle")
        let (spec, configBytes) = try SpecLoader.loadWithBytes(bundle: bundle)
        guard let process = spec.process else {
            throw StrataError("validate", "\(bundle)/config.json", reason: "process: required by create")
        }
        let rootPath = spec.root?.path ?? "rootfs"
        let rootfs = Paths.clean(rootPath.hasPrefix("/") ? rootPath : bundle + "/" + rootPath)
        try DirectoryCheck.require(rootfs, "rootfs")
        try UnsupportedFeatures.check(spec, bundle: bundle)
        // Admission policy: a denied config stops here, before anything is made.
        if let policyPath = Admission.policyPath(flag: runtime.policy) {
            let started = timed ? MonotonicClock.nanoseconds() : 0
            try Admission.enforce(policyPath: policyPath, spec: spec, id: id, bundle: bundle, cacheRoot: runtime.store.root)
            if timed {
                timing.admission = "policy \(policyPath): admitted in \((MonotonicClock.nanoseconds() - started) / 1000) µs"
            }
        }
        for name in UnsupportedFeatures.capabilitiesUnknownToKernel(process.capabilities) {
            runtime.logger.warning("capability \(name) is not supported by this kernel: skipped")
        }
        // Compiled here, before anything exists, so that a bad profile leaves nothing behind
        // and the child inherits only bytes to install.
        let seccomp: SeccompProgram?
        do {
            seccomp = try SeccompCache.program(forOptional: spec.linux?.seccomp, root: runtime.store.root)
        } catch {
            throw error.within("\(bundle)/config.json")
        }
        let plan = try NamespacePlan(spec.linux?.namespaces ?? [])
        if (process.terminal ?? false) && options.consoleSocket == nil && !options.foreground {
            throw StrataError.message("cannot allocate tty if strun will detach without setting console socket")
        }

        // The record exists before anything else does, marked `creating`, and is updated
        // as each thing is made (the init's pid, the cgroup): a create killed at any
        // moment leaves what `delete` needs to find its leftovers. The config copy goes
        // in with it: `exec` takes the container's defaults from it, not from a bundle
        // that may have changed or gone since.
        let cgroupsPath = try resolvedCgroupsPath(spec)
        var record = ContainerRecord(
            ociVersion: spec.ociVersion, id: id, pid: 0, initStartTime: 0,
            bundle: bundle, rootfs: rootfs, created: Clock.nowRFC3339(), owner: Self.ownerName(),
            annotations: spec.annotations, cgroupsPath: cgroupsPath,
            privatePidNamespace: plan.create.contains(.pid), started: false,
            poststart: spec.hooks?.poststart, poststop: spec.hooks?.poststop, terminal: process.terminal ?? false)
        record.checkMemoryBeforeUpdate = spec.linux?.resources?.memory?.checkBeforeUpdate ?? false
        record.noNewKeyring = options.noNewKeyring
        record.creating = true
        record.cgroupMade = false
        let lock = try runtime.store.reserve(id, record: record, config: configBytes)
        var cleanup = Cleanup(store: runtime.store, id: id, lock: lock)
        do {
            return try launch(spec: spec, process: process, record: record, plan: plan, seccomp: seccomp,
                              lock: lock, timing: &timing, cleanup: &cleanup)
        } catch {
            cleanup.run()
            throw error
        }
    }

    /// The cgroupfs path of the container's cgroup. The record keeps this form, so later
    /// commands need no --systemd-cgroup.
    private func resolvedCgroupsPath(_ spec: Spec) throws(StrataError) -> String {
        guard runtime.systemdCgroup else { return spec.linux?.cgroupsPath ?? "" }
        let path: String
        do { path = try SystemdCgroupPath.cgroupfs(spec.linux?.cgroupsPath ?? "", containerID: options.id) } catch {
            throw error.within("linux.cgroupsPath")
        }
        if Files.exists("/run/systemd/system") {
            runtime.logger.warning("--systemd-cgroup: \(path) is made through cgroupfs; systemd is not asked to create the scope")
        }
        return path
    }

    private func launch(spec: Spec, process: Process, record: ContainerRecord, plan: NamespacePlan,
                        seccomp: SeccompProgram?, lock: ContainerLock,
                        timing: inout CreateTiming, cleanup: inout Cleanup) throws(StrataError) -> Created {
        let id = options.id
        let store = runtime.store
        var record = record
        let fifoPath = store.fifo(id)
        try sys("mkfifo", fifoPath) { mkfifoat(lock.fd, StateStore.fifoName, 0o622) }
        // O_RDWR never blocks on a FIFO; the child inherits it and later blocks in read()
        // until `start` writes. Our copy is closed once the child has it.
        let fifoFD = try sys("open", fifoPath) { openat(lock.fd, StateStore.fifoName, O_RDWR | O_CLOEXEC | O_NOFOLLOW) }
        defer { closeFD(fifoFD) }


        var consoleFD: Int32 = -1
        if process.terminal ?? false {
            if options.consoleFD >= 0 {
                consoleFD = strata_fcntl_int(options.consoleFD, F_DUPFD_CLOEXEC, 3)
            } else if let socketPath = options.consoleSocket {
                consoleFD = try ConsoleSocket.connect(socketPath)
            }
        }
        defer { closeFD(consoleFD) }

        let joins = try plan.openJoins()
        defer { for j in joins { closeFD(j.fd) } }
        let (parentEnd, childEnd) = try Channel.pair()
        defer { parentEnd.close() }
        // Socket activation, as runc does it: fds 3..3+N-1 from our LISTEN_FDS (when
        // LISTEN_PID is us) go to the container first, announced as LISTEN_FDS=N for pid 1.
        var process = process
        let listenFDs = SocketActivation.inheritedCount()
        if listenFDs > 0 {
            process.env = (process.env ?? []) + ["LISTEN_FDS=\(listenFDs)", "LISTEN_PID=1"]
        }
        let ctx = InitContext(
            id: id, spec: spec, process: process, bundle: record.bundle, rootfs: record.rootfs,
            channel: childEnd, fifoFD: fifoFD, consoleSocketFD: consoleFD,
            noPivot: options.noPivot, noNewKeyring: options.noNewKeyring,
            preserveFDs: options.preserveFDs + listenFDs,
            joins: joins, unshareInChild: plan.fastPath ? 0 : plan.unshareFlags,
            clonedNamespaces: plan.fastPath,
            newUserNamespace: plan.create.contains(.user),
            newCgroupNamespace: plan.create.contains(.cgroup),
            newTimeNamespace: plan.create.contains(.time),
            hasMountNamespace: plan.has(.mount), hasUTSNamespace: plan.has(.uts),
            needsSecondFork: plan.needsSecondFork,
            cgroupUnified: Cgroups.unifiedBySuperblock(),
            hasRuntimeHooks: !(spec.hooks?.prestart ?? []).isEmpty || !(spec.hooks?.createRuntime ?? []).isEmpty,
            signalMaskToRestore: options.restoreMask, seccomp: seccomp, closeInChild: [lock.fd])

        // A foreground run reaps its init; after a second fork that init is a
        // grandchild, so the subreaper stays on then even with --no-subreaper.
        if options.foreground && (options.subreaper || !plan.fastPath) {
            Processes.setSubreaper()
        }
        if timing.started != 0 {
            let elapsed = (MonotonicClock.nanoseconds() - timing.started) / 1000
            runtime.logger.debug("create: \(elapsed) µs from reading the bundle to the clone\(timing.admission.map { "; " + $0 } ?? "")")
            timing.admission = nil
        }
        let cloned = try Processes.cloneProcess(flags: plan.fastPath ? plan.cloneFlags : 0)
        if cloned == 0 {
            parentEnd.close()
            for fd in ctx.closeInChild { closeFD(fd) }
            InitState.hostPid = Self.hostPid()
            InitProcess.run(ctx)
        }
        childEnd.close()
        cleanup.pids.append(cloned)
        // Recorded at once: a create killed from here on leaves an init `delete` can find.
        record.pid = cloned
        record.initStartTime = Processes.stat(of: cloned)?.startTime ?? 0
        try store.save(record, in: lock)

        // The cgroup is looked up and made after the clone: that work then overlaps with
        // the child's mounts (init waits for it only before a cgroup mount).
        var cgroup = try CgroupSetup.manager(path: record.cgroupsPath, id: id)
        let initPid = try handshake(plan: plan, spec: spec, cloned: cloned, channel: parentEnd,
                                    cgroup: &cgroup, record: &record, lock: lock, cleanup: &cleanup)
        if initPid != cloned { cleanup.pids.append(initPid) }

        if ctx.hasRuntimeHooks {
            try parentEnd.expect(.runtimeHooks, during: "container setup")
            let creatingState = StateView.json(record, status: .creating)
            try HookRunner.runAll(spec.hooks?.prestart, kind: "prestart", state: creatingState)
            try HookRunner.runAll(spec.hooks?.createRuntime, kind: "createRuntime", state: creatingState)
            try parentEnd.send(.hooksDone)
        }
        if let seccomp, seccomp.notifies {
            try forwardListener(seccomp, channel: parentEnd, record: record)
        }
        try parentEnd.expect(.ready, during: "container setup")

        record.creating = false
        try store.save(record, in: lock)
        if let pidFile = options.pidFile {
            try Files.writeAtomically(Paths.absolute(pidFile), Array(String(initPid).utf8))
        }
        // Init does not wait for this; it only learns from it that an EOF later is our
        // normal exit, not a create that died before the state existed.
        try parentEnd.send(.committed)
        if cloned != initPid { _ = try? Processes.wait(cloned) }
        return Created(record: record, spec: spec, clonedPid: cloned, lock: lock)
    }

    /// Id maps, the init's pid, cgroup placement, then "go".
    /// The record is saved again once the cgroup exists, before any process joins it.
    private func handshake(plan: NamespacePlan, spec: Spec, cloned: Int32, channel: Channel,
                           cgroup: inout any CgroupManager, record: inout ContainerRecord, lock: ContainerLock,
                           cleanup: inout Cleanup) throws(StrataError) -> Int32 {
        var initPid = cloned
        // The verified procfs for the id maps and oom_score_adj (see ProcFS), made once if needed.
        var procfs: ProcFS?
        func hostProcFS() throws(StrataError) -> ProcFS {
            if let procfs { return procfs }
            let made = try ProcFS.open()
            procfs = made
            return made
        }
        if plan.fastPath {
            if plan.create.contains(.user) { try IDMaps.write(for: cloned, linux: spec.linux, procfs: hostProcFS()) }
        } else {
            loop: while true {
                guard let message = try channel.next() else {
                    throw StrataError("start init", options.id, reason: "init exited during namespace setup")
                }
                switch message {
                case .needMaps:
                    try IDMaps.write(for: cloned, linux: spec.linux, procfs: hostProcFS())
                    try channel.send(.mapped)
                case .pid(let pid):
                    initPid = pid
                    break loop
                case .failed(let text):
                    throw StrataError.message(text)
                default:
                    throw StrataError("start init", options.id, reason: "unexpected \(message.encoded)")
                }
            }
        }
        if let adj = spec.process?.oomScoreAdj {
            // From the host, before the init runs anything of the user's: the init never
            // has to make itself dumpable for the write (it is still dumpable here only
            // in a new user namespace, where an unprivileged strun needs that).
            do { try ProcessSetup.setOOMScoreAdj(Int(adj), pid: initPid, procfs: hostProcFS()) } catch {
                throw error.within("process.oomScoreAdj")
            }
        }
        do { try cgroup.create() } catch {
            guard runtime.rootless && [EACCES, EPERM, EROFS].contains(error.errno) else { throw error }
            // Not delegated to this user: run without a cgroup, as runc does rootless.
            let limits = spec.linux?.resources.map { $0 != LinuxResources() } ?? false
            runtime.logger.warning("cgroups skipped: \(error.description) (not delegated to uid \(geteuid()))\(limits ? "; linux.resources are not enforced" : "")")
            try channel.send(.go([]))
            if initPid != cloned {
                record.pid = initPid
                record.initStartTime = Processes.stat(of: initPid)?.startTime ?? 0
                try runtime.store.save(record, in: lock)
            }
            return initPid
        }
        cleanup.cgroup = cgroup
        record.pid = initPid
        if initPid != cloned { record.initStartTime = Processes.stat(of: initPid)?.startTime ?? 0 }
        record.cgroupMade = true
        record.createdCgroupDirectories = cgroup.createdDirectories
        try runtime.store.save(record, in: lock)
        var resources = CgroupSetup.resources(from: spec.linux?.resources, devices: spec.linux?.devices)
        // Device rules go in before the init joins the cgroup: v1 writes them as deny-all
        // then allows, and an init already inside would see its mknod of /dev/null fail
        // in between.
        // Rootless: a delegated cgroup takes limits, but device rules need privilege
        // (v2 attaches a BPF program), as with runc.
        let devices = CgroupResources(devices: runtime.rootless ? [] : resources.devices)
        resources.devices = []
        do { try cgroup.apply(devices) } catch {
            throw error.within("apply cgroup resources")
        }
        try cgroup.addProcess(pid: initPid)
        try channel.send(.go(CgroupSetup.mountSources(cgroup)))
        // The limits are written while init finishes its rootfs: they only have to be in
        // place before the user's program runs, which cannot happen before `ready`.
        do { try cgroup.apply(resources) } catch {
            throw error.within("apply cgroup resources")
        }
        return initPid
    }

    /// Receives the init's seccomp notify fd and hands it to the agent at `listenerPath`.
    private func forwardListener(_ seccomp: SeccompProgram, channel: Channel, record: ContainerRecord) throws(StrataError) {
        let (message, fd) = try channel.nextWithFD()
        defer { if fd >= 0 { closeFD(fd) } }
        switch message {
        case .seccompListener? where fd >= 0:
            try SeccompListener.send(listenerFD: fd, to: seccomp.listenerPath ?? "",
                                     metadata: seccomp.listenerMetadata, record: record)
        case .failed(let text)?:
            throw StrataError.message(text)
        case nil:
            throw StrataError("container setup", options.id, reason: "init exited before it passed the seccomp listener fd")
        case let other?:
            throw StrataError("container setup", options.id, reason: "expected the seccomp listener fd, got \(other.encoded)")
        }
    }

    /// Our pid in the host's pid namespace, read from the host's /proc before the child
    /// mounts its own.
    static func hostPid() -> Int32 {
        var buf = [CChar](repeating: 0, count: 32)
        let n = readlink("/proc/self", &buf, buf.count - 1)
        if n > 0 {
            let text = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let pid = Int32(text) { return pid }
        }
        return getpid()
    }

    /// The user name of our uid, as runc reports `owner`.
    static func ownerName() -> String {
        let uid = geteuid()
        return Passwd.entry(uid: uid)?.name ?? String(uid)
    }
}

/// What a failed create must undo, in reverse order of making.
struct Cleanup {
    let store: StateStore
    let id: String
    /// The container's lock, released once all is undone.
    let lock: ContainerLock
    var pids: [Int32] = []
    var cgroup: (any CgroupManager)?

    func run() {
        for pid in pids where pid > 0 {
            kill(pid, SIGKILL)
        }
        for pid in pids where pid > 0 {
            _ = try? Processes.wait(pid)
        }
        if var cgroup {
            try? cgroup.killAll(signal: SIGKILL)
            try? cgroup.destroy()
        }
        try? store.remove(id, lock: lock)
        lock.release()
    }
}
