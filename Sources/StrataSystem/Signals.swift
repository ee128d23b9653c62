import CShim
#if canImport(Glibc)
import Glibc
#endif

/// Signal names and numbers (x86_64/aarch64 numbering) and signal-mask helpers.
public enum Signals {
    /// Names without the SIG prefix, by number.
    public static let names: [(String, Int32)] = [
        ("HUP", 1), ("INT", 2), ("QUIT", 3), ("ILL", 4), ("TRAP", 5), ("ABRT", 6), ("IOT", 6),
        ("BUS", 7), ("FPE", 8), ("KILL", 9), ("USR1", 10), ("SEGV", 11), ("USR2", 12),
        ("PIPE", 13), ("ALRM", 14), ("TERM", 15), ("STKFLT", 16), ("CHLD", 17), ("CLD", 17),
        ("CONT", 18), ("STOP", 19), ("TSTP", 20), ("TTIN", 21), ("TTOU", 22), ("URG", 23),
        ("XCPU", 24), ("XFSZ", 25), ("VTALRM", 26), ("PROF", 27), ("WINCH", 28), ("IO", 29),
        ("POLL", 29), ("PWR", 30), ("SYS", 31),
    ]

    /// Parses "9", "KILL", "SIGKILL", "sigkill", "RTMIN+3".
    public static func parse(_ text: String) -> Int32? {
        if let n = Int32(text) { return (n > 0 && n <= 64) ? n : nil }
        var name = text.uppercased()
        if name.hasPrefix("SIG") { name.removeFirst(3) }
        if let hit = names.first(where: { $0.0 == name }) { return hit.1 }
        // Real-time signals 34...64 as RTMIN+k or RTMAX-k; k is checked before any arithmetic.
        if name.hasPrefix("RTMIN") {
            let rest = name.dropFirst(5)
            if rest.isEmpty { return 34 }
            if rest.hasPrefix("+"), let k = Int32(rest.dropFirst()), k >= 0, k <= 30 { return 34 + k }
        }
        if name.hasPrefix("RTMAX") {
            let rest = name.dropFirst(5)
            if rest.isEmpty { return 64 }
            if rest.hasPrefix("-"), let k = Int32(rest.dropFirst()), k >= 0, k <= 30 { return 64 - k }
        }
        return nil
    }

    /// Every signal 1...64.
    public static let all: UInt64 = ~0

    public static func bit(_ signal: Int32) -> UInt64 { 1 << UInt64(signal - 1) }

    /// Replaces the blocked set; returns the previous one.
    @discardableResult
    public static func setBlocked(_ mask: UInt64) -> UInt64 {
        var old: UInt64 = 0
        _ = strata_sigmask_set(mask, &old)
        return old
    }

    /// A signalfd reading the signals in `mask` (they must be blocked).
    public static func signalFD(_ mask: UInt64) throws(StrataError) -> Int32 {
        try sys("signalfd", "forwarded signals") { strata_signalfd_mask(mask, O_CLOEXEC) }
    }

    /// Resets every catchable signal to its default disposition, as a fresh exec expects.
    public static func resetDispositions() {
        for sig in Int32(1)...Int32(64) where sig != SIGKILL && sig != SIGSTOP {
            signal(sig, SIG_DFL)
        }
    }
}
