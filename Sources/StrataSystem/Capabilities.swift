import CShim
#if canImport(Glibc)
import Glibc
#endif

/// The capability system calls; capability names live with the OCI spec types.
public enum CapabilityCalls {
    /// The highest capability this kernel knows (/proc/sys/kernel/cap_last_cap).
    public static func lastSupported(fallback: Int) -> Int {
        if let text = try? Files.readText("/proc/sys/kernel/cap_last_cap"),
           let n = Int(text.trimmingASCIIWhitespace()) {
            return n
        }
        return fallback
    }

    /// Drops `cap` from the bounding set (needs CAP_SETPCAP).
    public static func dropBounding(_ cap: Int) throws(StrataError) {
        try sys("drop bounding capability", "capability \(cap)") {
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
        try sys("raise ambient capability", "capability \(cap)") {
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
