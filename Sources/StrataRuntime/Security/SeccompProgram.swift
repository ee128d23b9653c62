#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem

/// A seccomp filter compiled by the parent (see `SeccompCompiler`), ready for the child to
/// install: raw BPF plus the seccomp(2) flags, so the child makes one system call and never
/// touches libseccomp.
struct SeccompProgram {
    /// sock_filter instructions, 8 bytes each, as libseccomp exported them.
    var bpf: [UInt8]
    /// SECCOMP_FILTER_FLAG_* bits for seccomp(2), already reduced to what this kernel knows.
    var flags: UInt32
    /// Some action is SCMP_ACT_NOTIFY: the install returns a listener fd for `listenerPath`.
    var notifies: Bool
    var listenerPath: String?
    var listenerMetadata: String?

    var instructionCount: Int { bpf.count / 8 }

    /// The filter still to install at exec: a notifying one went in earlier.
    var atExec: SeccompProgram? { notifies ? nil : self }

    /// For a notifying filter, which must go in while strun still runs: installs it and
    /// passes the listener fd to strun over `channel` (see Creator/ExecLauncher), which
    /// hands it to `listenerPath`. no_new_privs first when asked, as the install needs it
    /// or CAP_SYS_ADMIN. Nothing for a filter without notify.
    func installNotifying(over channel: Channel, noNewPrivileges: Bool) throws(StrataError) {
        guard notifies else { return }
        if noNewPrivileges { try CapabilityCalls.setNoNewPrivileges() }
        let listener = try install()
        defer { closeFD(listener) }
        try channel.send(SyncMessage.seccompListener.encoded, passing: listener)
    }

    /// Installs the filter on the calling (single-threaded) process. Returns the notify
    /// listener fd, or -1 when the filter has no notify action.
    func install() throws(StrataError) -> Int32 {
        let rc = bpf.withUnsafeBytes { raw in
            strata_seccomp_install(raw.baseAddress, UInt16(instructionCount), flags)
        }
        if rc < 0 {
            throw StrataError.system("install seccomp filter", "\(instructionCount) instructions, flags \(flags)")
        }
        return notifies ? rc : -1
    }
}

/// SECCOMP_FILTER_FLAG_* values (linux/seccomp.h) by their runtime-spec names.
enum SeccompFlags {
    static let tsync: UInt32 = 1 << 0
    static let log: UInt32 = 1 << 1
    static let specAllow: UInt32 = 1 << 2
    static let newListener: UInt32 = 1 << 3
    static let waitKillableRecv: UInt32 = 1 << 5

    /// The flags a config may ask for. TSYNC is ours to decide (the init is single-threaded)
    /// and NEW_LISTENER follows from the actions, so neither is taken from the config.
    static let byName: [String: UInt32] = [
        "SECCOMP_FILTER_FLAG_TSYNC": tsync,
        "SECCOMP_FILTER_FLAG_LOG": log,
        "SECCOMP_FILTER_FLAG_SPEC_ALLOW": specAllow,
        "SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV": waitKillableRecv,
    ]

    /// The config's flag names as bits the running kernel supports; others are dropped, as
    /// runc drops what the kernel lacks.
    static func resolve(_ names: [String]?, field: String) throws(StrataError) -> UInt32 {
        var bits: UInt32 = 0
        for (index, name) in (names ?? []).enumerated() {
            guard let bit = byName[name] else {
                throw StrataError("validate", "\(field)[\(index)]", reason: "unknown seccomp flag \"\(name)\"")
            }
            if bit != tsync && known(bit) { bits |= bit }
        }
        return bits
    }

    /// Names of the flags this kernel supports, for `features`.
    static func supportedNames() -> [String] {
        byName.filter { known($0.value) }.map(\.key).sorted()
    }

    /// WAIT_KILLABLE_RECV is only valid together with NEW_LISTENER, so it is probed so.
    private static func known(_ bit: UInt32) -> Bool {
        strata_seccomp_flag_known(bit == waitKillableRecv ? bit | newListener : bit) != 0
    }
}
