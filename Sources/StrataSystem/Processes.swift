import CShim
#if canImport(Glibc)
import Glibc
#endif

/// How a child ended, decoded from a wait status.
public enum ExitStatus: Equatable, Sendable {
    case exited(Int32)
    case signaled(Int32)

    /// Decodes a raw waitpid status (the W* macros are not visible to Swift).
    public init(waitStatus status: Int32) {
        let signal = status & 0x7f
        if signal == 0 {
            self = .exited((status >> 8) & 0xff)
        } else {
            self = .signaled(signal)
        }
    }

    /// The shell convention runc uses for its own exit code: 128+n for a signal.
    public var shellCode: Int32 {
        switch self {
        case .exited(let code): return code
        case .signaled(let sig): return 128 + sig
        }
    }
}

/// Process creation and control.
public enum Processes {
    /// fork with namespace flags; 0 in the child. Only call while single-threaded.
    public static func cloneProcess(flags: Int32) throws(StrataError) -> pid_t {
        let pid = strata_clone(UInt64(UInt32(bitPattern: flags)))
        if pid < 0 { throw StrataError.system("clone", "init process") }
        return pid
    }

    /// waitpid that retries EINTR.
    public static func wait(_ pid: pid_t, options: Int32 = 0) throws(StrataError) -> (pid_t, ExitStatus)? {
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, options)
            if r > 0 { return (r, ExitStatus(waitStatus: status)) }
            if r == 0 { return nil }
            let code = currentErrno()
            if code == EINTR { continue }
            throw StrataError.system("waitpid", String(pid), errno: code)
        }
    }

    /// True while `pid` exists (it may be a zombie).
    public static func isAlive(_ pid: pid_t) -> Bool {
        if pid <= 0 { return false }
        return kill(pid, 0) == 0 || currentErrno() == EPERM
    }

    /// The state letter (R, S, D, Z, T, ...) and field 22, the start time in clock ticks,
    /// of /proc/PID/stat, from one read. With the pid, the start time identifies a
    /// process across pid reuse.
    public static func stat(of pid: pid_t) -> (state: Character, startTime: UInt64)? {
        guard let bytes = try? Files.read("/proc/\(pid)/stat") else { return nil }
        // The command name may contain spaces and parentheses: parse after the last ')'.
        guard let close = bytes.lastIndex(of: UInt8(ascii: ")")) else { return nil }
        let fields = bytes[(close + 1)...].split(separator: UInt8(ascii: " "))
        // fields[0] is the state (field 3), so field 22 is fields[19].
        guard fields.count > 19, let letter = fields[0].first,
              let start = UInt64(String(decoding: fields[19], as: UTF8.self)) else { return nil }
        return (Character(UnicodeScalar(letter)), start)
    }

    /// Makes the calling process non-dumpable: /proc/PID of it (exe, mem, fds) is then
    /// root's, and only CAP_SYS_PTRACE over its user namespace opens it. An exec or a
    /// uid change may reset it (to fs.suid_dumpable); `isDumpable` tells.
    public static func setNonDumpable() {
        _ = strata_prctl(4 /* PR_SET_DUMPABLE */, 0, 0, 0, 0)
    }

    public static var isDumpable: Bool {
        strata_prctl(3 /* PR_GET_DUMPABLE */, 0, 0, 0, 0) != 0
    }

    public static func setSubreaper() {
        _ = strata_prctl(36 /* PR_SET_CHILD_SUBREAPER */, 1, 0, 0, 0)
    }

    /// Asks the kernel to SIGKILL us when the parent dies, so an init orphaned by a
    /// crashed `create` does not linger.
    public static func setParentDeathSignal(_ signal: Int32) {
        _ = strata_prctl(1 /* PR_SET_PDEATHSIG */, UInt(signal), 0, 0, 0)
    }

    /// Unmaps the pages of strun's own code that this process has touched so far, so that
    /// its resident set (and peak RSS) restarts from what it touches next. The code stays in
    /// the page cache: a later call into it is a minor fault. A no-op (0) outside a static
    /// non-PIE build; returns the bytes released, or nil if madvise failed.
    @discardableResult
    public static func releaseCodePages() -> Int? {
        let released = strata_release_code_segment()
        return released < 0 ? nil : Int(released)
    }

    /// Exits immediately, without running atexit handlers or flushing stdio: the right
    /// exit for a forked child that must not run the parent's cleanup.
    public static func exitNow(_ code: Int32) -> Never {
        _exit(code)
    }
}
