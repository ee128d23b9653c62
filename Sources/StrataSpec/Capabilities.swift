/// Linux capability names as the spec writes them, with their kernel numbers.
///
/// Plain data so the runtime can map names to numbers without this module importing libc.
public enum Capabilities {
    /// Every capability known up to CAP_CHECKPOINT_RESTORE (Linux 5.9), indexed by number.
    public static let names: [String] = [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
        "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
        "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK",
        "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
        "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE", "CAP_SYS_RESOURCE",
        "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE", "CAP_AUDIT_WRITE",
        "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG",
        "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
        "CAP_CHECKPOINT_RESTORE",
    ]

    /// Name to kernel capability number.
    public static let numbers: [String: Int] = {
        var map: [String: Int] = [:]
        for (number, name) in names.enumerated() { map[name] = number }
        return map
    }()

    /// The kernel number of a capability name, or nil if the name is unknown.
    public static func number(of name: String) -> Int? {
        numbers[name]
    }
}

/// POSIX resource limit names with their Linux numbers (generic ABI, all architectures
/// Strata targets).
public enum Rlimits {
    /// Every limit known, indexed by number.
    public static let names: [String] = [
        "RLIMIT_CPU", "RLIMIT_FSIZE", "RLIMIT_DATA", "RLIMIT_STACK", "RLIMIT_CORE", "RLIMIT_RSS",
        "RLIMIT_NPROC", "RLIMIT_NOFILE", "RLIMIT_MEMLOCK", "RLIMIT_AS", "RLIMIT_LOCKS",
        "RLIMIT_SIGPENDING", "RLIMIT_MSGQUEUE", "RLIMIT_NICE", "RLIMIT_RTPRIO", "RLIMIT_RTTIME",
    ]

    /// The resource number for setrlimit(2), or nil if the name is unknown.
    public static func number(of name: String) -> Int? {
        names.firstIndex(of: name)
    }
}

/// Namespace types of `linux.namespaces`.
public enum NamespaceTypes {
    /// The types runtime-spec 1.2 defines.
    public static let all: [String] = ["pid", "network", "mount", "ipc", "uts", "user", "cgroup", "time"]
}
