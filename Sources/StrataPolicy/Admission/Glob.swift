#if canImport(Glibc)
import Glibc
#endif

/// Shell-style patterns (`*`, `?`, `[...]`) as fnmatch(3) reads them without
/// FNM_PATHNAME, so `*` also crosses `/` (`/var/run/*.sock`, `docker.io/library/*`).
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        var pattern = pattern
        return pattern.withUTF8 { matches(UnsafeRawBufferPointer($0), text) }
    }

    /// A pattern given as UTF-8 bytes (as a compiled policy holds it).
    static func matches(_ pattern: UnsafeRawBufferPointer, _ text: String) -> Bool {
        // A policy tests every mount, sysctl and annotation against its patterns on every
        // create, and glibc's fnmatch costs ~1,500 instructions a call plus two C-string
        // copies: `*`, `?` and plain bytes (nearly all patterns) are matched here, which is
        // what fnmatch does with them in the C locale strun runs in. Only a pattern whose
        // `[` or `\` the match reaches goes to fnmatch.
        var text = text
        if let decided = text.withUTF8({ wildcard(pattern, UnsafeRawBufferPointer($0)) }) { return decided }
        let p = String(decoding: pattern, as: UTF8.self)
        return p.withCString { p in text.withCString { t in fnmatch(p, t, 0) == 0 } }
    }

    static func matchesAny(_ patterns: [String], _ text: String) -> Bool {
        patterns.contains { matches($0, text) }
    }

    /// `*` (any bytes, `/` included) and `?` (one byte); the last `*` is retried one byte
    /// further on each mismatch, so the cost stays linear in practice. nil when the match
    /// reads a `[`, `\` or NUL of the pattern: those are fnmatch's to decide. A verdict reached
    /// before reading one holds whatever follows (a mismatch of plain bytes, or the whole
    /// pattern read), so no pattern is scanned in advance.
    static func wildcard(_ p: UnsafeRawBufferPointer, _ t: UnsafeRawBufferPointer) -> Bool? {
        let star = UInt8(ascii: "*"), any = UInt8(ascii: "?")
        // NUL too: fnmatch reads the pattern as a C string and stops there.
        func special(_ b: UInt8) -> Bool { b == UInt8(ascii: "[") || b == UInt8(ascii: "\\") || b == 0 }
        var pi = 0, ti = 0
        var lastStar = -1, resume = 0
        while ti < t.count {
            if pi < p.count {
                let c = p[pi]
                if special(c) { return nil }
                if c == star {
                    lastStar = pi
                    resume = ti
                    pi += 1
                    continue
                }
                if c == any || c == t[ti] {
                    pi += 1
                    ti += 1
                    continue
                }
            }
            guard lastStar >= 0 else { return false }
            pi = lastStar + 1
            resume += 1
            ti = resume
        }
        while pi < p.count {
            if special(p[pi]) { return nil }
            if p[pi] != star { return false }
            pi += 1
        }
        return true
    }
}
