#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// Runs OCI hooks: the container state on stdin, the hook's args and env, and its timeout.
public enum HookRunner {
    /// Runs every hook of one kind in order; the first failure stops and is thrown.
    /// The state is encoded only when there is a hook to read it: the init calls this
    /// twice for every container, and most have none.
    public static func runAll(_ hooks: [Hook]?, kind: String, state makeState: @autoclosure () -> [UInt8]) throws(StrataError) {
        guard let hooks, !hooks.isEmpty else { return }
        let state = makeState()
        for (index, hook) in hooks.enumerated() {
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
        // The state is written from the same loop that enforces the timeout: a hook that
        // never reads a large state must not hang strun past its timeout. A hook that
        // ignores stdin is fine (EPIPE).
        let writeEnd = pipeFDs[1]
        pipeFDs[1] = -1
        let status = try supervise(pid, stdin: writeEnd, state: state,
                                   seconds: hook.timeout.map { Int($0) }, path: hook.path)
        switch status {
        case .exited(0): return
        case .exited(let code):
            throw StrataError("hook", hook.path, reason: "exit status \(code)")
        case .signaled(let sig):
            throw StrataError("hook", hook.path, reason: "killed by signal \(sig)")
        }
    }

    /// Feeds `state` to the hook's stdin and waits for it to exit, killing it when
    /// `seconds` pass. Without a pidfd (kernels before 5.3) the timeout cannot be
    /// watched and the hook is waited for plainly.
    private static func supervise(_ pid: pid_t, stdin writeEnd: Int32, state: [UInt8], seconds: Int?,
                                  path: String) throws(StrataError) -> ExitStatus {
        var writeFD = writeEnd
        defer { closeFD(writeFD) }
        let pidfd = strata_pidfd_open(pid)
        defer { closeFD(pidfd) }
        if pidfd < 0 {
            _ = state.withUnsafeBytes { write(writeFD, $0.baseAddress, $0.count) }
        } else {
            _ = strata_fcntl_int(writeFD, F_SETFL, O_NONBLOCK)
            let deadline = (seconds ?? 0) > 0 ? monotonicMillis() + (seconds ?? 0) * 1000 : nil
            var offset = 0
            if state.isEmpty { closeFD(writeFD); writeFD = -1 }
            while true {
                var fds = [pollfd(fd: pidfd, events: Int16(POLLIN), revents: 0)]
                if writeFD >= 0 { fds.append(pollfd(fd: writeFD, events: Int16(POLLOUT), revents: 0)) }
                let wait = deadline.map { Int32(clamping: max(0, $0 - monotonicMillis())) } ?? -1
                let n = poll(&fds, nfds_t(fds.count), wait)
                if n < 0 && currentErrno() == EINTR { continue }
                if n == 0 {
                    kill(pid, SIGKILL)
                    _ = try? Processes.wait(pid)
                    throw StrataError("hook", path, reason: "timed out after \(seconds ?? 0)s")
                }
                if n < 0 || fds[0].revents != 0 { break }
                if writeFD >= 0 && fds[1].revents != 0 {
                    let written = state.withUnsafeBytes { buf in
                        write(writeFD, buf.baseAddress.map { $0 + offset }, buf.count - offset)
                    }
                    if written > 0 { offset += written }
                    if offset >= state.count || (written < 0 && currentErrno() != EAGAIN) {
                        closeFD(writeFD)
                        writeFD = -1
                    }
                }
            }
        }
        guard let (_, status) = try Processes.wait(pid) else {
            throw StrataError("wait", "hook \(path)", reason: "no status")
        }
        return status
    }

    private static func monotonicMillis() -> Int { Int(MonotonicClock.nanoseconds() / 1_000_000) }
}
