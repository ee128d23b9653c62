import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Helpers for tests that drive real cgroups as root.
enum Support {
    /// A cgroup name no other test run uses.
    static func uniqueName(_ tag: String) -> String {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return "strata-test-\(tag)-\(getpid())-\(ts.tv_nsec)"
    }

    /// Starts `/usr/bin/sleep 300` and returns its pid.
    static func spawnSleep() throws -> pid_t {
        var pid: pid_t = 0
        let args = ["sleep", "300"]
        var argv: [UnsafeMutablePointer<CChar>?] = args.map { strdup($0) } + [nil]
        defer { for arg in argv { free(arg) } }
        // The test runner's threads may block or ignore signals, and a spawned child
        // inherits both: reset them so SIGTERM really ends it.
        var attr = posix_spawnattr_t()
        posix_spawnattr_init(&attr)
        defer { posix_spawnattr_destroy(&attr) }
        var none = sigset_t()
        var all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attr, &none)
        posix_spawnattr_setsigdefault(&attr, &all)
        posix_spawnattr_setflags(&attr, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        let rc = posix_spawn(&pid, "/usr/bin/sleep", nil, &attr, &argv, environ)
        guard rc == 0 else { throw StrataError("posix_spawn", "/usr/bin/sleep", errno: rc) }
        return pid
    }

    /// Waits for `pid` to end, up to about two seconds; true when it was reaped.
    static func reap(_ pid: pid_t) -> Bool {
        for _ in 0..<200 {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { return true }
            usleep(10_000)
        }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return false
    }

    static func isDirectory(_ path: String) -> Bool { Files.isDirectory(path) }

    static func read(_ path: String) -> String? {
        (try? Files.readText(path))?.trimmingASCIIWhitespace()
    }

    /// The cgroup line of `pid` for hierarchy `controllers` ("memory", "" for v2).
    static func procCgroup(_ pid: pid_t, _ controllers: String) -> String? {
        guard let text = read("/proc/\(pid)/cgroup") else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            if parts.count == 3 && parts[1] == controllers { return String(parts[2]) }
        }
        return nil
    }
}
