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
        // copies: patterns made only of `*`, `?` and plain bytes (nearly all) are matched
        // here, which is what fnmatch does with them in the C locale strun runs in.
        if !pattern.contains(where: { $0 == UInt8(ascii: "[") || $0 == UInt8(ascii: "\\") }) {
            var text = text
            return text.withUTF8 { wildcard(pattern, UnsafeRawBufferPointer($0)) }
        }
        let p = String(decoding: pattern, as: UTF8.self)
        return p.withCString { p in text.withCString { t in fnmatch(p, t, 0) == 0 } }
    }

    static func matchesAny(_ patterns: [String], _ text: String) -> Bool {
        patterns.contains { matches($0, text) }
    }

    /// `*` (any bytes, `/` included) and `?` (one byte); the last `*` is retried one byte
    /// further on each mismatch, so the cost stays linear in practice.
    static func wildcard(_ p: UnsafeRawBufferPointer, _ t: UnsafeRawBufferPointer) -> Bool {
        var pi = 0, ti = 0
        var star = -1, resume = 0
        while ti < t.count {
            if pi < p.count && p[pi] == UInt8(ascii: "*") {
                star = pi
                resume = ti
                pi += 1
            } else if pi < p.count && (p[pi] == UInt8(ascii: "?") || p[pi] == t[ti]) {
                pi += 1
                ti += 1
            } else if star >= 0 {
                pi = star + 1
                resume += 1
                ti = resume
            } else {
                return false
            }
        }
        while pi < p.count && p[pi] == UInt8(ascii: "*") { pi += 1 }
        return pi == p.count
    }
}
