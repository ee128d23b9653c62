#if canImport(Glibc)
import Glibc
#endif

/// Shell-style patterns (`*`, `?`, `[...]`) as fnmatch(3) reads them without
/// FNM_PATHNAME, so `*` also crosses `/` (`/var/run/*.sock`, `docker.io/library/*`).
enum Glob {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        fnmatch(pattern, text, 0) == 0
    }

    static func matchesAny(_ patterns: [String], _ text: String) -> Bool {
        patterns.contains { matches($0, text) }
    }
}
