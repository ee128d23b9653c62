#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// The last steps before exec: identity, capabilities, limits.
enum ProcessSetup {
    static let rlimitNumbers: [String: Int32] = [
        "RLIMIT_CPU": 0, "RLIMIT_FSIZE": 1, "RLIMIT_DATA": 2, "RLIMIT_STACK": 3, "RLIMIT_CORE": 4,
        "RLIMIT_RSS": 5, "RLIMIT_NPROC": 6, "RLIMIT_NOFILE": 7, "RLIMIT_MEMLOCK": 8, "RLIMIT_AS": 9,
        "RLIMIT_LOCKS": 10, "RLIMIT_SIGPENDING": 11, "RLIMIT_MSGQUEUE": 12, "RLIMIT_NICE": 13,
        "RLIMIT_RTPRIO": 14, "RLIMIT_RTTIME": 15,
    ]

    /// Sets `limits` on `pid` (0: the calling process).
    static func applyRlimits(_ limits: [POSIXRlimit], pid: Int32 = 0) throws(StrataError) {
        for limit in limits {
            guard let resource = rlimitNumbers[limit.type] else {
                throw StrataError("set rlimit", limit.type, reason: "unknown rlimit type")
            }
            try sys("setrlimit", "\(limit.type) soft=\(limit.soft) hard=\(limit.hard)") {
                strata_prlimit(pid, resource, UInt64(limit.soft), UInt64(limit.hard))
            }
        }
    }

    /// Writes oom_score_adj of `pid` from the host's /proc, so that the process never has
    /// to make itself dumpable inside the container for it.
    static func setOOMScoreAdj(_ value: Int, pid: Int32, procfs: ProcFS) throws(StrataError) {
        try procfs.write("\(pid)/oom_score_adj", String(value))
    }

    /// The highest capability this kernel knows. Read once: the init is a clone of strun
    /// and inherits the value the parent already read at create.
    static let lastCapability = CapabilityCalls.lastSupported(fallback: Capabilities.names.count - 1)

    /// A bitmask of the named capabilities, skipping names this kernel lacks.
    static func mask(_ names: [String]?, last: Int) throws(StrataError) -> UInt64 {
        var bits: UInt64 = 0
        for name in names ?? [] {
            guard let n = Capabilities.number(of: name) else {
                throw StrataError("apply capabilities", name, reason: "unknown capability")
            }
            if n <= last { bits |= 1 << UInt64(n) }
        }
        return bits
    }

    /// Switches to the process user and applies the five capability sets in the order the
    /// kernel requires: bounding set first (needs CAP_SETPCAP), keep caps across setuid,
    /// then capset, then ambient.
    static func applyIdentity(user: User, capabilities: LinuxCapabilities?, noNewPrivileges: Bool) throws(StrataError) {
        let last = lastCapability
        let bounding = try mask(capabilities?.bounding, last: last)
        let effective = try mask(capabilities?.effective, last: last)
        let permitted = try mask(capabilities?.permitted, last: last)
        let inheritable = try mask(capabilities?.inheritable, last: last)
        let ambient = try mask(capabilities?.ambient, last: last)

        if capabilities != nil {
            for cap in 0...last where bounding & (1 << UInt64(cap)) == 0 {
                try CapabilityCalls.dropBounding(cap)
            }
        }
        let gids = (user.additionalGids ?? []).map { gid_t($0) }
        if setgroups(gids.count, gids) != 0 {
            // Inside a user namespace with setgroups denied, only an empty list could pass.
            let code = currentErrno()
            if !(code == EPERM && gids.isEmpty) {
                throw StrataError.system("setgroups", gids.map(String.init).joined(separator: ","), errno: code)
            }
        }
        try CapabilityCalls.setKeepCaps(true)
        try sys("setresgid", String(user.gid)) { strata_setresgid(gid_t(user.gid), gid_t(user.gid), gid_t(user.gid)) }
        try sys("setresuid", String(user.uid)) { strata_setresuid(uid_t(user.uid), uid_t(user.uid), uid_t(user.uid)) }
        try CapabilityCalls.setKeepCaps(false)
        if capabilities != nil {
            try CapabilityCalls.set(effective: effective, permitted: permitted, inheritable: inheritable)
            // The kernel raises an ambient capability only if it is also permitted and
            // inheritable; `runc spec` lists ambient ones without inheritable, and runc
            // skips what the kernel refuses. So do we.
            for cap in 0...last where ambient & (1 << UInt64(cap)) != 0 && inheritable & (1 << UInt64(cap)) != 0 {
                try CapabilityCalls.raiseAmbient(cap)
            }
        }
        if noNewPrivileges { try CapabilityCalls.setNoNewPrivileges() }
    }

    /// The PATH searched when `process.env` has none: runc's default, which images and
    /// clients rely on (an entrypoint named `sh` with no env at all).
    static let defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"

    /// Finds the executable the way runc does: a name with a slash is taken as is,
    /// otherwise it is searched in the process's PATH (runc's default PATH when the env
    /// sets none; the env itself is left as given). The errors use runc's wording.
    /// `executable: false` accepts any regular file (a Wasm module need not be executable).
    static func resolveExecutable(_ name: String, env: [String], executable: Bool = true) throws(StrataError) -> String {
        if name.contains("/") {
            try checkExecutable(name, shown: name, executable: executable)
            return name
        }
        let pathValue = env.last(where: { $0.hasPrefix("PATH=") }).map { String($0.dropFirst(5)) } ?? defaultPath
        for dir in pathValue.split(separator: ":", omittingEmptySubsequences: false) {
            let candidate = (dir.isEmpty ? "." : String(dir)) + "/" + name
            var st = stat()
            if stat(candidate, &st) == 0 && (st.st_mode & S_IFMT) == S_IFREG && (!executable || access(candidate, X_OK) == 0) {
                return candidate
            }
        }
        throw StrataError.message("exec: \"\(name)\": executable file not found in $PATH", errno: ENOENT)
    }

    private static func checkExecutable(_ path: String, shown: String, executable: Bool) throws(StrataError) {
        var st = stat()
        if stat(path, &st) != 0 {
            throw StrataError.message("exec: \"\(shown)\": stat \(path): \(errnoString(currentErrno()))", errno: currentErrno())
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            throw StrataError.message("exec: \"\(shown)\": is a directory", errno: EISDIR)
        }
        if executable && st.st_mode & 0o111 == 0 {
            throw StrataError.message("exec: \"\(shown)\": permission denied", errno: EACCES)
        }
        // /proc/self/exe (or a link to it) names the runtime's own binary on the host, not
        // a program of the container. The exec stub would re-run itself with no program
        // and exit 127 without a word (and without the stub it would run strun inside the
        // container): say so instead.
        var own = stat()
        if stat("/proc/self/exe", &own) == 0 && own.st_dev == st.st_dev && own.st_ino == st.st_ino {
            throw StrataError.message("exec: \"\(shown)\": is the runtime's own executable on the host, not a program in the container", errno: EACCES)
        }
    }

    /// HOME from the container's /etc/passwd when the config does not set it, as runc does.
    static func environment(_ env: [String], uid: UInt32) -> [String] {
        if env.contains(where: { $0.hasPrefix("HOME=") }) { return env }
        return env + ["HOME=" + (Passwd.entry(uid: uid)?.home ?? "/")]
    }
}
