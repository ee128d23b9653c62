import CShim
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// posix_spawn with chosen stdio descriptors, for the runtime and the monitor. Every other
/// descriptor of ours is close-on-exec, so a child gets exactly fds 0, 1 and 2.
public enum ProcessSpawner {
    /// glibc's POSIX_SPAWN_SETSID (a GNU extension Swift's Glibc module does not show).
    static let setSessionFlag: Int16 = 0x80

    /// Starts `argv[0]` (a path) with `stdio` as fds 0, 1, 2 (nil = /dev/null). `newSession`
    /// puts it in its own session, away from our terminal and its signals.
    public static func spawn(_ argv: [String], stdio: [Int32?] = [nil, nil, nil], environment: [String]? = nil,
                             newSession: Bool = false) throws(StrataError) -> pid_t {
        guard let program = argv.first else { throw StrataError("run", "helper", reason: "no program given") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (target, fd) in stdio.enumerated() {
            if let fd {
                posix_spawn_file_actions_adddup2(&actions, fd, Int32(target))
            } else {
                posix_spawn_file_actions_addopen(&actions, Int32(target), "/dev/null", target == 0 ? O_RDONLY : O_WRONLY, 0)
            }
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child starts with default dispositions and no blocked signals, whatever ours are.
        var empty = sigset_t()
        sigemptyset(&empty)
        posix_spawnattr_setsigmask(&attributes, &empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGPIPE, SIGCHLD, SIGTERM, SIGINT, SIGHUP] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var flags = Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF)
        if newSession { flags |= setSessionFlag }
        posix_spawnattr_setflags(&attributes, flags)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let rc: Int32
        if let environment {
            let cEnv = environment.map { strdup($0) } + [nil]
            defer { for p in cEnv { free(p) } }
            rc = posix_spawn(&pid, program, &actions, &attributes, cArgs, cEnv)
        } else {
            rc = posix_spawn(&pid, program, &actions, &attributes, cArgs, environ)
        }
        if rc != 0 { throw StrataError.system("run", program, errno: rc) }
        return pid
    }

    /// Waits for `pid`, retrying EINTR.
    public static func wait(_ pid: pid_t) throws(StrataError) -> ExitStatus {
        guard let (_, status) = try Processes.wait(pid) else {
            throw StrataError("wait", "process \(pid)", reason: "no status")
        }
        return status
    }

    /// Runs to completion, collecting stdout and stderr apart. stdin is /dev/null unless given.
    public static func run(_ argv: [String], stdin: Int32? = nil, environment: [String]? = nil) throws(StrataError)
        -> (status: ExitStatus, stdout: [UInt8], stderr: [UInt8]) {
        var out: [Int32] = [-1, -1]
        var err: [Int32] = [-1, -1]
        guard strata_pipe2(&out, O_CLOEXEC) == 0 else { throw StrataError.system("pipe", argv[0]) }
        guard strata_pipe2(&err, O_CLOEXEC) == 0 else {
            close(out[0]); close(out[1])
            throw StrataError.system("pipe", argv[0])
        }
        let pid: pid_t
        do {
            pid = try spawn(argv, stdio: [stdin, out[1], err[1]], environment: environment)
        } catch {
            for fd in out + err { close(fd) }
            throw error
        }
        close(out[1]); close(err[1])
        defer { close(out[0]); close(err[0]) }
        var stdout: [UInt8] = []
        var stderr: [UInt8] = []
        drain(out[0], err[0], into: &stdout, &stderr)
        return (try wait(pid), stdout, stderr)
    }

    /// Reads both pipes to EOF without letting one fill while we block on the other.
    static func drain(_ a: Int32, _ b: Int32, into first: inout [UInt8], _ second: inout [UInt8]) {
        var fds = [pollfd(fd: a, events: Int16(POLLIN), revents: 0), pollfd(fd: b, events: Int16(POLLIN), revents: 0)]
        var chunk = [UInt8](repeating: 0, count: 16384)
        while fds.contains(where: { $0.fd >= 0 }) {
            let n = poll(&fds, nfds_t(fds.count), -1)
            if n < 0 { if errno == EINTR { continue } else { return } }
            for i in fds.indices where fds[i].fd >= 0 && fds[i].revents != 0 {
                let got = chunk.withUnsafeMutableBytes { read(fds[i].fd, $0.baseAddress, $0.count) }
                if got > 0 {
                    if i == 0 { first += chunk[0..<got] } else { second += chunk[0..<got] }
                } else if got == 0 || errno != EINTR {
                    fds[i].fd = -1
                }
            }
        }
    }
}
