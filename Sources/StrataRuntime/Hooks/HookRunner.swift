#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// Runs OCI hooks: the container state on stdin, the hook's args and env, and its timeout.
public enum HookRunner {
    /// Runs every hook of one kind in order; the first failure stops and is thrown.
    public static func runAll(_ hooks: [Hook]?, kind: String, state: [UInt8]) throws(StrataError) {
        for (index, hook) in (hooks ?? []).enumerated() {
            do { try run(hook, state: state) } catch {
                throw error.within("\(kind) hook #\(index)")
            }
        }
    }

    /// Runs every hook of one kind even when some fail (poststart, poststop: the spec says
    /// a failure is a warning and the remaining hooks still run); returns the failures.
    public static func runAllReporting(_ hooks: [Hook]?, kind: String, state: [UInt8]) -> [StrataError] {
        var failures: [StrataError] = []
        for (index, hook) in (hooks ?? []).enumerated() {
            do { try run(hook, state: state) } catch {
                failures.append(error.within("\(kind) hook #\(index)"))
            }
        }
        return failures
    }

    /// Runs one hook and waits for it, killing it once its timeout passes.
    public static func run(_ hook: Hook, state: [UInt8]) throws(StrataError) {
        var pipeFDs: [Int32] = [-1, -1]
        try sys("pipe", "hook stdin") { strata_pipe2(&pipeFDs, O_CLOEXEC) }
        defer { closeFD(pipeFDs[1]) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipeFDs[0], 0)

        let args = (hook.args?.isEmpty ?? true) ? [hook.path] : (hook.args ?? [])
        let cArgs = args.map { strdup($0) } + [nil]
        let cEnv = (hook.env ?? []).map { strdup($0) } + [nil]
        defer {
            for p in cArgs { free(p) }
            for p in cEnv { free(p) }
        }
        // A hook starts clean: default dispositions (strun ignores SIGPIPE) and an empty
        // signal mask (a foreground `run` blocks every signal while it forwards them).
        var attrs = posix_spawnattr_t()
        posix_spawnattr_init(&attrs)
        defer { posix_spawnattr_destroy(&attrs) }
        var all = sigset_t()
        sigfillset(&all)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigdefault(&attrs, &all)
        posix_spawnattr_setsigmask(&attrs, &none)
        posix_spawnattr_setflags(&attrs, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, hook.path, &actions, &attrs, cArgs, cEnv)
        closeFD(pipeFDs[0])
        if rc != 0 {
            throw StrataError.system("exec hook", hook.path, errno: rc)
        }
        // A hook that ignores stdin must not make us fail: EPIPE is fine.
        _ = state.withUnsafeBytes { buf in write(pipeFDs[1], buf.baseAddress, buf.count) }
        closeFD(pipeFDs[1])
        pipeFDs[1] = -1

        let status = try waitWithTimeout(pid, seconds: hook.timeout.map { Int($0) }, path: hook.path)
        switch status {
        case .exited(0): return
        case .exited(let code):
            throw StrataError("hook", hook.path, reason: "exit status \(code)")
        case .signaled(let sig):
            throw StrataError("hook", hook.path, reason: "killed by signal \(sig)")
        }
    }

    private static func waitWithTimeout(_ pid: pid_t, seconds: Int?, path: String) throws(StrataError) -> ExitStatus {
        if let seconds, seconds > 0 {
            let pidfd = strata_pidfd_open(pid)
            if pidfd >= 0 {
                defer { closeFD(pidfd) }
                var pfd = pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)
                var remaining = seconds * 1000
                while true {
                    let started = monotonicMillis()
                    let n = poll(&pfd, 1, Int32(remaining))
                    if n > 0 { break }
                    if n == 0 {
                        kill(pid, SIGKILL)
                        _ = try? Processes.wait(pid)
                        throw StrataError("hook", path, reason: "timed out after \(seconds)s")
                    }
                    if currentErrno() != EINTR { break }
                    remaining -= monotonicMillis() - started
                    if remaining <= 0 { remaining = 1 }
                }
            }
        }
        guard let (_, status) = try Processes.wait(pid) else {
            throw StrataError("wait", "hook \(path)", reason: "no status")
        }
        return status
    }

    private static func monotonicMillis() -> Int {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return ts.tv_sec * 1000 + ts.tv_nsec / 1_000_000
    }
}
