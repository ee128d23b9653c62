#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// The container's init: runs in the cloned child, sets up the container from inside its
/// namespaces, waits on the exec fifo and execs the user process. It never returns.
///
/// The child is a copy of a single-threaded `strun`, so running Swift here is safe; every
/// failure is sent to the parent as a message and ends the child with exit status 1.
enum InitProcess {
    static func run(_ ctx: InitContext) -> Never {
        let workload: Workload
        do {
            try stageOne(ctx)
            workload = try setUp(ctx)
        } catch {
            // During create the parent reports; if it is gone, it already failed.
            try? ctx.channel.send(.failed(error.description))
            Processes.exitNow(1)
        }
        do {
            try waitForStart(ctx)
            switch workload {
            case .native(let path): try execute(ctx, path: path)
            case .wasm(let program): try WasmLaunch.run(ctx, program)
            }
        } catch {
            // After start nobody listens on the channel: stderr is all that is left.
            try? Files.writeAll(fd: 2, Array(("strun: " + error.description + "\n").utf8), name: "stderr")
            Processes.exitNow(127)
        }
        Processes.exitNow(127)
    }

    /// The slow path: join namespaces by path, unshare the new ones, and fork again when a
    /// pid or time namespace must apply to the next process.
    private static func stageOne(_ ctx: InitContext) throws(StrataError) {
        guard !ctx.clonedNamespaces else { return }
        for join in ctx.joins where join.kind == .user {
            try sys("setns", "user namespace \(join.path)") { strata_setns(join.fd, join.kind.cloneFlag) }
        }
        if ctx.newUserNamespace {
            try Namespaces.unshare(NamespaceKind.user.cloneFlag)
            try ctx.channel.send(.needMaps)
            try ctx.channel.expect(.mapped, during: "wait for id maps")
        }
        for join in ctx.joins where join.kind != .user {
            try sys("setns", "\(join.kind.rawValue) namespace \(join.path)") { strata_setns(join.fd, join.kind.cloneFlag) }
        }
        for join in ctx.joins { closeFD(join.fd) }
        if ctx.unshareInChild != 0 {
            try Namespaces.unshare(ctx.unshareInChild)
        }
        if ctx.newTimeNamespace {
            try TimeNamespace.unshareWithOffsets(ctx.spec.linux?.timeOffsets)
        }
        if ctx.needsSecondFork {
            let pid = try Processes.cloneProcess(flags: 0)
            if pid > 0 {
                try ctx.channel.send(.pid(pid))
                Processes.exitNow(0)
            }
            // The init is this grandchild: hooks must see its pid, not the stage-one one.
            InitState.hostPid = Creator.hostPid()
        } else {
            try ctx.channel.send(.pid(getpid()))
        }
    }

    /// Builds the container from inside; returns what to run: the program's resolved
    /// path, or a loaded Wasm module.
    private static func setUp(_ ctx: InitContext) throws(StrataError) -> Workload {
        // Until exec, /proc/<init>/exe is the host's strun: no process without
        // CAP_SYS_PTRACE over us (another container sharing the pid namespace) may open
        // it. exec makes the process dumpable again.
        // In a new user namespace an unprivileged strun still has to open our
        // /proc/PID/uid_map, which non-dumpable makes root's: that waits for the maps.
        if !ctx.newUserNamespace { Processes.setNonDumpable() }
        // Mounts need neither the cgroup placement nor anything else the parent does
        // after the clone, so they overlap with it; except in a new user namespace (no
        // privilege until the maps exist) and for a cgroup2 mount, which must see the
        // cgroup namespace that only follows the placement.
        let mountsFirst = !ctx.newUserNamespace && !(ctx.cgroupUnified && ctx.newCgroupNamespace)
        var cgroupDirectories: [CgroupDirectory]?
        if !mountsFirst {
            cgroupDirectories = try awaitPlacement(ctx)
        }
        if ctx.newUserNamespace { Processes.setNonDumpable() }
        // A session of its own: the console (if any) becomes its controlling terminal.
        _ = setsid()
        if !ctx.noNewKeyring {
            // A fresh session keyring, so the container cannot reach the caller's keys.
            try SessionKeyring.create(id: ctx.id)
        }
        umask(0)
        if ctx.hasMountNamespace { try RootfsBuilder.prepare(ctx) }
        let builder = try RootfsBuilder(ctx: ctx)
        if ctx.hasMountNamespace {
            // A cgroup mount binds the container's cgroup: it must exist by then.
            try builder.mountAll(cgroupDirectories: { () throws(StrataError) -> [CgroupDirectory] in
                if let cgroupDirectories { return cgroupDirectories }
                let dirs = try awaitPlacement(ctx)
                cgroupDirectories = dirs
                return dirs
            })
            try builder.populateDev()
        }
        if cgroupDirectories == nil {
            _ = try awaitPlacement(ctx)
        }
        if ctx.hasRuntimeHooks {
            try ctx.channel.send(.runtimeHooks)
            try ctx.channel.expect(.hooksDone, during: "wait for createRuntime hooks")
        }
        try HookRunner.runAll(ctx.spec.hooks?.createContainer, kind: "createContainer",
                              state: InitState.json(ctx, status: "created"))
        if ctx.hasMountNamespace {
            try builder.switchRoot()
        } else {
            builder.close()
        }
        if ctx.process.terminal ?? false {
            try Console.setUp(socketFD: ctx.consoleSocketFD, size: ctx.process.consoleSize, mountConsole: ctx.hasMountNamespace)
        }
        if ctx.hasUTSNamespace {
            if let hostname = ctx.spec.hostname {
                try sys("sethostname", hostname) { strata_sethostname(hostname, hostname.utf8.count) }
            }
            if let domain = ctx.spec.domainname {
                try sys("setdomainname", domain) { strata_setdomainname(domain, domain.utf8.count) }
            }
        }
        if let sysctl = ctx.spec.linux?.sysctl, !sysctl.isEmpty {
            // A procfs of our own, made here inside the container's mount, pid and net
            // namespaces: the container's /proc may have anything mounted over
            // /proc/sys (CVE-2025-52881).
            let procfs: ProcFS
            do { procfs = try ProcFS.open() } catch { throw error.within("write sysctls") }
            for (key, value) in sysctl.sorted(by: { $0.key < $1.key }) {
                do { try procfs.write("sys/" + key.replacingDots(), value) } catch {
                    throw error.within("sysctl \(key)")
                }
            }
        }
        if ctx.hasMountNamespace {
            try builder.finalize()
        }
        try ProcessSetup.applyRlimits(ctx.process.rlimits ?? [])
        // oomScoreAdj was written by strun from the host (Creator.handshake): becoming
        // dumpable for it here would open /proc/<init>/exe to the container's processes.
        try ProcessExec.enterWorkingDirectory(ctx.process)
        // Resolved now so that a missing binary (or a bad module) fails `create`, as with
        // runc. The PATH searched is the config's: the HOME added at exec does not change it.
        let workload = try Workload.prepare(ctx)
        // The agent gets the listener fd through strun, which is gone after create: so a
        // notifying filter goes in now rather than at exec.
        try ctx.seccomp?.installNotifying(over: ctx.channel, noNewPrivileges: ctx.process.noNewPrivileges ?? false)
        // No reply is awaited: if the parent cannot save the state, it kills us.
        try ctx.channel.send(.ready)
        return workload
    }

    /// Waits until the parent wrote the id maps and placed us in the cgroup; then takes
    /// root in a new user namespace and enters a new cgroup namespace.
    private static func awaitPlacement(_ ctx: InitContext) throws(StrataError) -> [CgroupDirectory] {
        let dirs = try ctx.channel.expectGo()
        if ctx.newUserNamespace {
            // EINVAL here means id 0 has no mapping in the new namespace; validation
            // refuses a config without maps, so this is a map that leaves 0 out.
            if strata_setresgid(0, 0, 0) != 0 {
                let code = currentErrno()
                throw StrataError("setresgid", "0", errno: code,
                                  reason: code == EINVAL ? "gid 0 is not mapped in the container's user namespace (linux.gidMappings)" : nil)
            }
            if strata_setresuid(0, 0, 0) != 0 {
                let code = currentErrno()
                throw StrataError("setresuid", "0", errno: code,
                                  reason: code == EINVAL ? "uid 0 is not mapped in the container's user namespace (linux.uidMappings)" : nil)
            }
        }
        if ctx.newCgroupNamespace {
            // After the placement, so that the container's cgroup becomes the ns root.
            try Namespaces.unshare(NamespaceKind.cgroup.cloneFlag)
        }
        return dirs
    }

    /// Blocks until `strun start` writes to the exec fifo. The sync channel is watched
    /// too: if it closes before strun said the state is saved, the create died halfway
    /// and nobody will ever start or delete us, so init exits instead of lingering.
    private static func waitForStart(_ ctx: InitContext) throws(StrataError) {
        var committed = false
        var channelOpen = true
        var byte: UInt8 = 0
        while true {
            var fds = [pollfd(fd: ctx.fifoFD, events: Int16(POLLIN), revents: 0)]
            if channelOpen { fds.append(pollfd(fd: ctx.channel.fd, events: Int16(POLLIN), revents: 0)) }
            if poll(&fds, nfds_t(fds.count), -1) < 0 {
                if currentErrno() == EINTR { continue }
                Processes.exitNow(1)
            }
            if channelOpen && fds[1].revents != 0 {
                switch try? ctx.channel.next() {
                case .committed?:
                    committed = true
                default:
                    // EOF (or garbage): strun is gone. Before the commit, so is the container.
                    if !committed { Processes.exitNow(1) }
                    channelOpen = false
                    ctx.channel.close()
                }
            }
            if fds[0].revents & Int16(POLLIN) != 0 {
                let n = read(ctx.fifoFD, &byte, 1)
                if n == 1 { break }
                if n < 0 && currentErrno() == EINTR { continue }
                Processes.exitNow(1)
            }
        }
        if channelOpen { ctx.channel.close() }
        // The fifo fd stays open (close-on-exec): `start` waits for it to vanish at exec
        // before it runs poststart hooks.
        try HookRunner.runAll(ctx.spec.hooks?.startContainer, kind: "startContainer",
                              state: InitState.json(ctx, status: "running"))
    }

    private static func execute(_ ctx: InitContext, path: String) throws(StrataError) {
        try ProcessExec.execute(ctx.process, path: path, seccomp: ctx.seccomp?.atExec,
                                preserveFDs: ctx.preserveFDs, signalMask: ctx.signalMaskToRestore)
    }
}

extension String {
    /// "net.ipv4.ip_forward" → "net/ipv4/ip_forward" for /proc/sys.
    func replacingDots() -> String {
        String(self.map { $0 == "." ? "/" : $0 })
    }
}
