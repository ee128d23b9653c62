import CShim
#if canImport(Glibc)
import Glibc
#endif

/// Linux capabilities by name, and the calls that set them.
public enum Capabilities {
    /// CAP_* names in kernel numbering order (index = capability number).
    public static let names: [String] = [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER", "CAP_FSETID",
        "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP", "CAP_LINUX_IMMUTABLE",
        "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST", "CAP_NET_ADMIN", "CAP_NET_RAW",
        "CAP_IPC_LOCK", "CAP_IPC_OWNER", "CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT",
        "CAP_SYS_PTRACE", "CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
        "CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD", "CAP_LEASE",
        "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP", "CAP_MAC_OVERRIDE",
        "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM", "CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ",
        "CAP_PERFMON", "CAP_BPF", "CAP_CHECKPOINT_RESTORE",
    ]

    /// The highest capability this kernel knows (/proc/sys/kernel/cap_last_cap).
    public static func lastSupported() -> Int {
        if let text = try? Files.readText("/proc/sys/kernel/cap_last_cap"),
           let n = Int(text.trimmingASCIIWhitespace()) {
            return n
        }
        return names.count - 1
    }

    /// The number of a CAP_* name, or nil when unknown.
    public static func number(of name: String) -> Int? {
        names.firstIndex(of: name.uppercased())
    }

    /// Drops `cap` from the bounding set (needs CAP_SETPCAP).
    public static func dropBounding(_ cap: Int) throws(StrataError) {
        try sys("drop bounding capability", names.indices.contains(cap) ? names[cap] : String(cap)) {
            strata_prctl(24 /* PR_CAPBSET_DROP */, UInt(cap), 0, 0, 0)
        }
    }

    /// Keeps permitted capabilities across a change from uid 0 to another uid.
    public static func setKeepCaps(_ on: Bool) throws(StrataError) {
        try sys("prctl", "PR_SET_KEEPCAPS") { strata_prctl(8, on ? 1 : 0, 0, 0, 0) }
    }

    public static func set(effective: UInt64, permitted: UInt64, inheritable: UInt64) throws(StrataError) {
        try sys("capset", "process capabilities") { strata_capset(effective, permitted, inheritable) }
    }

    /// Raises `cap` in the ambient set; it must be permitted and inheritable.
    public static func raiseAmbient(_ cap: Int) throws(StrataError) {
        try sys("raise ambient capability", names.indices.contains(cap) ? names[cap] : String(cap)) {
            strata_prctl(47 /* PR_CAP_AMBIENT */, 2 /* RAISE */, UInt(cap), 0, 0)
        }
    }

    public static func setNoNewPrivileges() throws(StrataError) {
        try sys("prctl", "PR_SET_NO_NEW_PRIVS") { strata_prctl(38, 1, 0, 0, 0) }
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines.
    public func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
