import CShim
import Foundation
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// The per-container monitor (what conmon is for Podman): one process per container,
/// started by `strata run`/`start` in its own session so it outlives them. It is the
/// child-subreaper of the container's init, so it reaps it and learns the exit status; it
/// holds the container's stdout and stderr and writes them to the log; it records every
/// state change in the database; it applies the restart policy with Docker's backoff and
/// runs the health checks.
///
/// It holds an exclusive flock on `monitor.lock` for its whole life: a `strata` command that
/// can take that lock knows the monitor is gone (killed with -9, say) and starts a new one,
/// which first reconciles what the runtime reports. A second monitor for the same container
/// cannot take the lock and leaves at once.
public final class Monitor {
    let root: StorageRoot
    let store: ContainerStore
    let id: String
    let directory: String
    var config: ContainerConfig
    let runtime: RuntimeClient
    var backoff = RestartBackoff()
    var log: LogWriter?

    /// Started by an attached `run`: that client prints the output, removes an --rm
    /// container itself, and lends its stdio (the terminal, with -t).
    let attached: Bool

    public init(root: StorageRoot, store: ContainerStore, id: String, attached: Bool = false) throws(StrataError) {
        self.attached = attached
        guard let record = try store.record(id: id) else { throw ContainerStore.noSuch(id) }
        self.root = root
        self.store = store
        self.id = id
        self.directory = root.containerDirectory(id)
        self.config = record.config
        self.runtime = RuntimeClient(binary: record.config.runtime, root: root.runtimeRoot(for: record.config.runtime))
    }

    /// Takes the monitor lock without waiting: the descriptor (kept open for the process's
    /// life) or nil when another live monitor holds it.
    public static func takeLock(_ directory: String) -> Int32? {
        let fd = open(directory + "/monitor.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        if flock(fd, LOCK_EX | LOCK_NB) != 0 {
            close(fd)
            return nil
        }
        return fd
    }

    /// Whether a live monitor holds the container's lock. Asked of /proc/locks rather than
    /// by trying the lock: a test that took it, even for a moment, could make a monitor that
    /// is just starting find it busy and leave.
    public static func isAlive(_ directory: String) -> Bool {
        var st = stat()
        guard stat(directory + "/monitor.lock", &st) == 0 else { return false }
        // glibc's major()/minor() of st_dev, as /proc/locks prints them ("%02x:%02x:%lu").
        let dev = UInt64(st.st_dev)
        let major = ((dev >> 8) & 0xfff) | ((dev >> 32) & ~UInt64(0xfff))
        let minor = (dev & 0xff) | ((dev >> 12) & ~UInt64(0xff))
        func hex2(_ value: UInt64) -> String {
            let text = String(value, radix: 16)
            return text.count < 2 ? "0" + text : text
        }
        let key = " \(hex2(major)):\(hex2(minor)):\(st.st_ino) "
        guard let locks = try? Files.read("/proc/locks") else { return false }
        return String(decoding: locks, as: UTF8.self).split(separator: "\n").contains { line in
            line.contains("FLOCK") && line.contains(key)
        }
    }

    /// The monitor's whole life. Returns when the container has exited for good.
    public func run() throws(StrataError) {
        guard Self.takeLock(directory) != nil else { return }
        Processes.setSubreaper()
        signal(SIGPIPE, SIG_IGN)
        log = try LogWriter(path: root.logFile(id), maxSize: 10 * 1024 * 1024)
        var record = try current()
        // Whoever held the lock before us finished the job (or nobody asked for a start).
        guard record.state.needsMonitor else { return }
        record = try store.update(id) { $0.monitorPid = getpid() }
        // An exit that happened while no monitor watched: the policy decides on it first.
        var pendingExit = try recover(&record)
        var networkUp = false
        defer {
            if networkUp { CNINetwork().tearDown(id: id, directory: directory, ports: config.ports) }
        }
        if config.network == .bridge {
            networkUp = true
            do throws(StrataError) {
                _ = try CNINetwork().setUp(id: id, directory: directory, ports: config.ports)
            } catch {
                try finish { $0.state = .exited; $0.exitCode = 125; $0.error = error.description; $0.finishedAt = WallClock.seconds() }
                return
            }
        }

        while true {
            record = try current()
            let began = MonotonicClock.nanoseconds()
            let outcome: Outcome
            if let code = pendingExit {
                outcome = .exited(code, unhealthy: false)
                pendingExit = nil
            } else {
                if record.stopRequested {
                    try finish { $0.state = .exited }
                    break
                }
                outcome = runOnce()
            }
            let uptime = MonotonicClock.nanoseconds() - began
            record = try current()
            let restart: Bool
            switch outcome {
            case .failedToStart(let message):
                try store.update(id) {
                    $0.state = .exited; $0.pid = 0; $0.exitCode = 127; $0.error = message
                    $0.finishedAt = WallClock.seconds(); $0.health = $0.config.health == nil ? .none : $0.health
                }
                restart = false
            case .exited(let code, let unhealthy):
                restart = (unhealthy && !record.stopRequested)
                    || config.restart.shouldRestart(exitCode: code, restarts: record.restartCount,
                                                    manuallyStopped: record.stopRequested)
                try store.update(id) {
                    $0.pid = 0; $0.exitCode = code; $0.finishedAt = WallClock.seconds()
                    $0.state = restart ? .restarting : .exited
                }
            }
            guard restart else { break }
            let delay = backoff.next(afterUptime: uptime)
            if try !sleepUnlessStopped(delay) {
                try finish { $0.state = .exited }
                break
            }
            try store.update(id) { $0.restartCount += 1 }
        }
        log?.flush()
        if networkUp {
            CNINetwork().tearDown(id: id, directory: directory, ports: config.ports)
            networkUp = false
        }
        if config.autoRemove && !attached {
            try? Engine(root: root, store: store).removeFiles(id: id, runtime: runtime)
            try? store.delete(id)
        }
    }

    func current() throws(StrataError) -> ContainerRecord {
        guard let record = try store.record(id: id) else { throw ContainerStore.noSuch(id) }
        return record
    }

    func finish(_ change: (inout ContainerRecord) -> Void) throws(StrataError) {
        try store.update(id) { change(&$0) }
    }

    /// Sleeps `nanos` in short steps; false when a stop was requested meanwhile.
    func sleepUnlessStopped(_ nanos: Int64) throws(StrataError) -> Bool {
        let end = MonotonicClock.nanoseconds() + nanos
        while MonotonicClock.nanoseconds() < end {
            if try current().stopRequested { return false }
            usleep(UInt32(min(50_000, max(1, (end - MonotonicClock.nanoseconds()) / 1000))))
        }
        return try !current().stopRequested
    }

    /// A monitor that starts after an earlier one died finds the runtime's view first: a
    /// container still running is watched until it exits (its status cannot be learned: it
    /// is not our child); then it is deleted. Returns the exit to judge by the policy (-1:
    /// unknown) when the record said it was running, nil when there was nothing to recover.
    func recover(_ record: inout ContainerRecord) throws(StrataError) -> Int32? {
        let status = runtime.status(id)
        if status == "running" || status == "paused", record.pid > 0 {
            let pidfd = strata_pidfd_open(record.pid)
            if pidfd >= 0 {
                var fds = [pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)]
                while poll(&fds, 1, -1) < 0 && errno == EINTR {}
                close(pidfd)
            }
        }
        if status != nil { try? runtime.delete(id) }
        guard record.state == .running else { return nil }
        record = try store.update(id) {
            $0.pid = 0
            $0.exitCode = -1
            $0.finishedAt = WallClock.seconds()
            $0.error = "the previous monitor died; the exit status is unknown"
        }
        return -1
    }

    enum Outcome {
        case failedToStart(String)
        /// The exit code (128+signal for a signal) and whether the health check killed it.
        case exited(Int32, unhealthy: Bool)
    }

    /// One create-start-wait-delete cycle.
    func runOnce() -> Outcome {
        if config.tty { return runWithTerminal() }
        var out: [Int32] = [-1, -1]
        var err: [Int32] = [-1, -1]
        guard strata_pipe2(&out, O_CLOEXEC) == 0, strata_pipe2(&err, O_CLOEXEC) == 0 else {
            return .failedToStart(StrataError.system("pipe", "container output").description)
        }
        var writeEndsOpen = true
        func closeWriteEnds() {
            if writeEndsOpen { close(out[1]); close(err[1]); writeEndsOpen = false }
        }
        defer { closeWriteEnds(); close(out[0]); close(err[0]) }
        let pidFile = directory + "/init.pid"
        unlink(pidFile)
        try? runtime.delete(id)
        do {
            try store.update(id) { $0.state = .starting; $0.error = "" }
            let argv = runtime.createArgv(id: id, bundle: directory, pidFile: pidFile)
            let create = try ProcessSpawner.spawn(argv, stdio: [nil, out[1], err[1]])
            let status = try ProcessSpawner.wait(create)
            closeWriteEnds()
            guard status == .exited(0) else {
                let text = Self.readAvailable(err[0]) + Self.readAvailable(out[0])
                return .failedToStart(RuntimeClient.message(text, [], status: status, binary: runtime.binary))
            }
            guard let pid = Int32(String(decoding: try Files.read(pidFile), as: UTF8.self)
                .trimmingCharacters(in: .whitespacesAndNewlines)) else {
                try? runtime.delete(id)
                return .failedToStart("the runtime wrote no pid to \(pidFile)")
            }
            let health = config.health
            try store.update(id) {
                $0.pid = pid; $0.state = .running; $0.startedAt = WallClock.seconds()
                $0.exitCode = nil; $0.finishedAt = nil
                $0.health = health == nil ? .none : .starting
                $0.healthFailingStreak = 0
            }
            do {
                try runtime.start(id)
            } catch {
                try? runtime.delete(id)
                _ = reap(pid)
                return .failedToStart(error.description)
            }
            let result = pump(pid: pid, out: out[0], err: err[0])
            try? runtime.delete(id)
            return result
        } catch {
            closeWriteEnds()
            try? runtime.delete(id)
            return .failedToStart(error.description)
        }
    }

    /// `-it`: the runtime's foreground `run` on the terminal the attached client lent us (the
    /// runtime makes the pty and relays it, as `runc run` does); nothing is logged.
    func runWithTerminal() -> Outcome {
        let pidFile = directory + "/init.pid"
        unlink(pidFile)
        try? runtime.delete(id)
        do {
            let argv = [runtime.binary, "--root", runtime.root, "run", "--bundle", directory, "--pid-file", pidFile, id]
            let child = try ProcessSpawner.spawn(argv, stdio: [0, 1, 2])
            try store.update(id) {
                $0.state = .running; $0.startedAt = WallClock.seconds(); $0.exitCode = nil; $0.finishedAt = nil
            }
            var recordedPid = false
            while true {
                var status: Int32 = 0
                let reaped = waitpid(child, &status, WNOHANG)
                if reaped == child {
                    try? runtime.delete(id)
                    return .exited(ExitStatus(waitStatus: status).shellCode, unhealthy: false)
                }
                if reaped < 0 && errno != EINTR { return .failedToStart(StrataError.system("wait", runtime.binary).description) }
                if !recordedPid, let text = try? Files.read(pidFile),
                   let pid = Int32(String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)) {
                    recordedPid = true
                    _ = try? store.update(id) { $0.pid = pid }
                }
                usleep(20_000)
            }
        } catch {
            return .failedToStart(error.description)
        }
    }

    /// Collects output and health checks until the init exits; returns its exit code.
    func pump(pid: pid_t, out: Int32, err: Int32) -> Outcome {
        _ = fcntl(out, F_SETFL, O_NONBLOCK)
        _ = fcntl(err, F_SETFL, O_NONBLOCK)
        var fds = [pollfd(fd: out, events: Int16(POLLIN), revents: 0), pollfd(fd: err, events: Int16(POLLIN), revents: 0)]
        let streams = ["stdout", "stderr"]
        var chunk = [UInt8](repeating: 0, count: 65536)
        var health = config.health.map { HealthChecker(config: $0, startedAt: MonotonicClock.nanoseconds()) }
        var exitCode: Int32?
        var killedUnhealthy = false
        var drainDeadline: Int64 = 0
        while true {
            let now = MonotonicClock.nanoseconds()
            if exitCode != nil && (fds.allSatisfy { $0.fd < 0 } || now >= drainDeadline) { break }
            var timeout: Int64 = 100_000_000
            if let health, exitCode == nil { timeout = min(timeout, health.timeUntilDue(now: now)) }
            let ready = poll(&fds, nfds_t(fds.count), Int32(max(1, timeout / 1_000_000)))
            if ready > 0 {
                for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                    let n = chunk.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                    if n > 0 {
                        log?.write(chunk[0..<n], stream: streams[i])
                    } else if n == 0 || (errno != EAGAIN && errno != EINTR) {
                        fds[i].fd = -1
                    }
                }
            }
            // Reap everything: the init, health checks, and orphans re-parented to us.
            while true {
                var status: Int32 = 0
                let reaped = waitpid(-1, &status, WNOHANG)
                if reaped <= 0 { break }
                let exit = ExitStatus(waitStatus: status)
                if reaped == pid {
                    exitCode = exit.shellCode
                    drainDeadline = MonotonicClock.nanoseconds() + 1_000_000_000
                } else if var checker = health, let running = checker.running, running.pid == reaped {
                    let passed = exit == .exited(0)
                    if checker.finish(passed: passed, now: MonotonicClock.nanoseconds()) || !passed {
                        recordHealth(checker, output: directory + "/health.out")
                    }
                    health = checker
                    if checker.status == .unhealthy && !killedUnhealthy && exitCode == nil {
                        killedUnhealthy = actOnUnhealthy()
                    }
                }
            }
            guard exitCode == nil, var checker = health else { continue }
            let later = MonotonicClock.nanoseconds()
            if checker.timedOut(now: later), let running = checker.running, !checker.killSent {
                // The kill shows up as a failed check when reaped.
                kill(running.pid, SIGKILL)
                checker.killSent = true
            } else if checker.shouldStart(now: later) {
                checker.running = startHealthCheck(checker.config).map { (pid: $0, since: later) }
                if checker.running == nil { _ = checker.finish(passed: false, now: later) }
            }
            health = checker
        }
        return .exited(exitCode ?? -1, unhealthy: killedUnhealthy && config.healthOnFailure == .restart)
    }

    /// Runs the check through the runtime's exec; its output goes to `health.out`.
    func startHealthCheck(_ health: HealthConfig) -> pid_t? {
        let output = open(directory + "/health.out", O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        defer { if output >= 0 { close(output) } }
        let argv = runtime.execArgv(id: id, argv: health.test, tty: false, env: [], user: nil, cwd: nil)
        return try? ProcessSpawner.spawn(argv, stdio: [nil, output >= 0 ? output : nil, output >= 0 ? output : nil])
    }

    func recordHealth(_ checker: HealthChecker, output: String) {
        let text = (try? Files.read(output)).map { String(decoding: $0.prefix(4096), as: UTF8.self) } ?? ""
        _ = try? store.update(id) {
            $0.health = checker.status
            $0.healthFailingStreak = checker.streak
            $0.healthLog = text
        }
    }

    /// `--health-on-failure`: restart and kill both kill the container; kill also counts as
    /// a manual stop so the policy does not bring it back.
    func actOnUnhealthy() -> Bool {
        switch config.healthOnFailure {
        case .none: return false
        case .kill: _ = try? store.update(id) { $0.stopRequested = true }
        case .restart: break
        }
        try? runtime.kill(id, signal: SIGKILL)
        return true
    }

    func reap(_ pid: pid_t) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return ExitStatus(waitStatus: status).shellCode
    }

    static func readAvailable(_ fd: Int32) -> [UInt8] {
        _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            out += chunk[0..<n]
        }
        return out
    }
}
