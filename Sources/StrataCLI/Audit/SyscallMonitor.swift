#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec
import StrataPolicy

/// `strata audit serve`: a seccomp user-notification agent.
///
/// One thread, one poll(2) loop over the listening socket, the connections `strun` is
/// sending a listener fd on, and every container's listener fd. Each round serves at most
/// `burst` notifications per container, so a container that floods cannot starve the
/// others; records are batched into one audit-log append per round and limited per
/// container (`RecordLimiter`). Each syscall is answered from the policy's `syscalls`
/// section: allow and audit continue it, deny fails it with EPERM.
final class SyscallMonitor {
    private let policy: Policy
    private let log: AuditLog
    private let socketPath: String
    private let burst = 16
    private var limiter = RecordLimiter()
    private var pending: [[String: JSONValue]] = []

    private struct Connection {
        var data: [UInt8] = []
        var fds: [Int32] = []
        var deadline: Double
    }

    private struct Container {
        var id: String
        var pid: Int64
    }

    private var server: Int32 = -1
    private var signals: Int32 = -1
    private var connections: [Int32: Connection] = [:]
    private var listeners: [Int32: Container] = [:]
    private var stopping = false
    /// Rotates the listener order each round, so no container is always served first.
    private var round = 0

    static let maxListeners = 4096
    static let maxPending = 64

    init(policy: Policy, log: AuditLog, socketPath: String) {
        self.policy = policy
        self.log = log
        self.socketPath = socketPath
    }

    func run(ready: () -> Void) throws(StrataError) {
        // SIGTERM/SIGINT end the loop cleanly (the socket is removed).
        signals = try StopPipe.install()
        server = try MonitorSocket.listen(at: socketPath)
        defer { shutdown() }
        ready()
        while !stopping {
            var fds = [pollfd(fd: server, events: Int16(POLLIN), revents: 0)]
            if signals >= 0 { fds.append(pollfd(fd: signals, events: Int16(POLLIN), revents: 0)) }
            for fd in connections.keys { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            let order = listeners.keys.sorted()
            let shift = order.isEmpty ? 0 : round % order.count
            for fd in order[shift...] + order[..<shift] { fds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0)) }
            round &+= 1
            let n = poll(&fds, nfds_t(fds.count), 500)
            if n < 0 && errno != EINTR { throw StrataError.system("poll", socketPath) }
            for p in fds where p.revents != 0 {
                if p.fd == server { acceptAll() }
                else if p.fd == signals { stopping = true }
                else if connections[p.fd] != nil { read(connection: p.fd) }
                else if listeners[p.fd] != nil { serve(listener: p.fd, events: p.revents) }
            }
            housekeeping()
        }
    }

    // MARK: connections from strun

    private func acceptAll() {
        while true {
            // (accept4 is hidden from Swift's Glibc; strata never execs, so the window is harmless.)
            let fd = accept(server, nil, nil)
            if fd < 0 { return }
            Descriptors.setCloseOnExec(fd, true)
            guard connections.count < Self.maxPending else {
                close(fd)
                note("too many pending connections: one refused")
                continue
            }
            connections[fd] = Connection(deadline: Self.now() + 5)
        }
    }

    private func read(connection fd: Int32) {
        guard var c = connections[fd] else { return }
        var buf = [UInt8](repeating: 0, count: 65536)
        var passed: Int32 = -1
        let n = buf.withUnsafeMutableBytes { strata_recv_with_fd(fd, $0.baseAddress, $0.count, &passed) }
        if passed >= 0 { c.fds.append(passed) }
        if n > 0 { c.data.append(contentsOf: buf[0..<n]) }
        if n < 0 && (errno == EAGAIN || errno == EINTR) { connections[fd] = c; return }
        // strun sends the whole state in one message; wait for more only while it is not
        // yet a complete JSON object and the peer has not closed.
        if case .object(let message)? = try? JSONValue(parsing: c.data) {
            finish(fd)
            adopt(message, fds: c.fds)
        } else if n > 0 && c.data.count < 1 << 20 {
            connections[fd] = c
        } else {
            finish(fd)
            for f in c.fds { close(f) }
            note("a connection closed without a container state")
        }
    }

    private func finish(_ fd: Int32) {
        connections[fd] = nil
        close(fd)
    }

    private func adopt(_ message: [String: JSONValue], fds: [Int32]) {
        var id = "?"
        if case .object(let state)? = message["state"], case .string(let s)? = state["id"] { id = s }
        var pid: Int64 = 0
        if case .int(let p)? = message["pid"] { pid = p }
        var names: [String] = []
        if case .array(let list)? = message["fds"] { names = list.compactMap { (v: JSONValue) -> String? in
                if case .string(let s) = v { return s }
                return nil
            } }
        for (index, fd) in fds.enumerated() {
            let name = index < names.count ? names[index] : (fds.count == 1 ? "seccompFd" : "")
            guard name == "seccompFd", listeners.count < Self.maxListeners else {
                close(fd)
                continue
            }
            listeners[fd] = Container(id: id, pid: pid)
        }
        note("container \(id) (pid \(pid)): listening")
    }

    // MARK: notifications

    private func serve(listener fd: Int32, events: Int16) {
        guard let container = listeners[fd] else { return }
        if events & Int16(POLLIN) == 0 {
            // POLLHUP: every task of the filter has exited.
            drop(fd, container, why: "exited")
            return
        }
        for i in 0..<burst {
            // RECV blocks when nothing is pending: look first (the loop's poll did for i == 0).
            if i > 0 {
                var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&p, 1, 0) <= 0 || p.revents & Int16(POLLIN) == 0 { return }
            }
            switch SeccompNotify.receive(fd) {
            case .success(let n):
                answer(n, fd: fd, container: container)
            case .failure(let e) where e.code == ENOENT || e.code == EINTR:
                continue // the caller went away before we read it
            case .failure(let e):
                drop(fd, container, why: "receive: \(errnoString(e.code))")
                return
            }
        }
    }

    private func answer(_ n: SeccompNotify.Notification, fd: Int32, container: Container) {
        let name = SyscallNames.name(number: n.nr, arch: n.arch)
        let rule = policy.syscalls.rule(for: name)
        let effect = rule?.effect ?? policy.syscalls.defaultEffect
        let deny = effect == .deny
        // Strings are read before answering (the caller waits meanwhile) and kept only if
        // the notification is still valid afterwards: then they are that call's own.
        var strings: [String: JSONValue] = [:]
        let admit = limiter.admit(container: container.id, key: "\(name) \(deny ? "deny" : "allow")", now: Self.now())
        if admit {
            for index in Self.stringArguments[name] ?? [] where index < n.args.count {
                if let s = SeccompNotify.readString(pid: n.pid, address: n.args[index]) { strings["arg\(index)"] = .string(s) }
            }
            if !strings.isEmpty && !SeccompNotify.isValid(fd, id: n.id) { strings = [:] }
        }
        let sent = SeccompNotify.respond(fd, id: n.id, failWith: deny ? EPERM : nil)
        guard admit else { return }
        var record: [String: JSONValue] = [
            "source": "monitor", "id": .string(container.id), "pid": .int(Int64(n.pid)),
            "uid": .int(Self.uid(of: n.pid)), "syscall": .string(name), "nr": .int(Int64(n.nr)),
            "args": .array(n.args.map { .string("0x" + String($0, radix: 16)) }),
            "rule": .string(rule?.id ?? "(default)"), "effect": .string(effect.rawValue),
            "severity": .string((rule?.severity ?? .medium).rawValue),
            "decision": .string(deny ? "deny" : "allow"), "answer": .string(deny ? "EPERM" : "continue"),
        ]
        if !strings.isEmpty { record["strings"] = .object(strings) }
        if sent != 0 { record["delivered"] = .bool(false) }
        pending.append(record)
    }

    /// Pointer arguments worth recording as text, by syscall.
    static let stringArguments: [String: [Int]] = [
        "mount": [0, 1, 2], "umount2": [0], "umount": [0], "init_module": [2], "finit_module": [1],
    ]

    private func drop(_ fd: Int32, _ container: Container, why: String) {
        listeners[fd] = nil
        close(fd)
        note("container \(container.id): listener closed (\(why))")
    }

    // MARK: upkeep

    private func housekeeping() {
        let now = Self.now()
        for (fd, c) in connections where c.deadline < now {
            finish(fd)
            for f in c.fds { close(f) }
            note("a connection sent no container state within 5 s: closed")
        }
        for (container, key, count) in limiter.closedWindows(now: now) {
            let parts = key.split(separator: " ").map(String.init)
            pending.append(["source": "monitor", "id": .string(container), "syscall": .string(parts.first ?? key),
                            "decision": .string(parts.last ?? ""), "suppressed": .int(Int64(count)),
                            "reason": .string("rate limit: \(limiter.perWindow) records per container per second")])
        }
        flush()
    }

    private func flush() {
        guard !pending.isEmpty else { return }
        do {
            try log.append(pending)
        } catch {
            // The answers were given; a log that cannot be written is reported, not fatal.
            note("audit log: \(error.description) (\(pending.count) records lost)")
        }
        pending.removeAll(keepingCapacity: true)
    }

    private func shutdown() {
        flush()
        for fd in listeners.keys { close(fd) }
        for (fd, c) in connections { close(fd); for f in c.fds { close(f) } }
        if server >= 0 { close(server); unlink(socketPath) }
        if signals >= 0 { close(signals) }
        StopPipe.restore()
    }

    private func note(_ text: String) {
        try? Files.writeAll(fd: 2, Array("strata audit serve: \(text)\n".utf8), name: "stderr")
    }

    /// Monotonic seconds, for connection deadlines and the record limiter's windows.
    static func now() -> Double { Double(MonotonicClock.nanoseconds()) / 1e9 }

    /// The owner of /proc/PID: the caller's effective uid as the host sees it.
    static func uid(of pid: UInt32) -> Int64 {
        var st = stat()
        return stat("/proc/\(pid)", &st) == 0 ? Int64(st.st_uid) : -1
    }
}

/// The write end of the stop pipe, for the signal handler (a C handler cannot capture).
nonisolated(unsafe) private var stopPipeWriteEnd: Int32 = -1

/// SIGTERM and SIGINT as a readable pipe. Not a signalfd: `strata` runs commands on a
/// pool thread, and a signal the main thread does not block would kill the process
/// before the socket is removed; a handler runs on whichever thread gets it.
enum StopPipe {
    /// Installs the handlers; returns the read end to poll.
    static func install() throws(StrataError) -> Int32 {
        var fds: [Int32] = [-1, -1]
        try sys("pipe2", "stop signals") { strata_pipe2(&fds, O_CLOEXEC | O_NONBLOCK) }
        stopPipeWriteEnd = fds[1]
        for sig in [SIGTERM, SIGINT] {
            signal(sig) { _ in
                var byte: UInt8 = 1
                _ = write(stopPipeWriteEnd, &byte, 1)
            }
        }
        return fds[0]
    }

    static func restore() {
        signal(SIGTERM, SIG_DFL)
        signal(SIGINT, SIG_DFL)
        if stopPipeWriteEnd >= 0 { close(stopPipeWriteEnd) }
        stopPipeWriteEnd = -1
    }
}
