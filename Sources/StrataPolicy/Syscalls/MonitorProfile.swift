import StrataSpec

/// The seccomp profile that sends sensitive syscalls to `strata audit serve`: every
/// other syscall is allowed by this filter (combine it with a policy rule, or run it
/// with the container's own allow-list in mind: a process has one filter per config).
public enum MonitorProfile {
    /// Mounting (old and new API), namespace changes, tracing, BPF, keys, kexec,
    /// modules and file handles: what container escapes are made of.
    public static let syscalls = [
        "mount", "umount", "umount2", "fsopen", "fsconfig", "fsmount", "fspick", "move_mount", "open_tree",
        "mount_setattr", "ptrace", "bpf", "unshare", "setns", "keyctl", "kexec_load", "kexec_file_load",
        "init_module", "finit_module", "delete_module", "open_by_handle_at",
    ]

    /// A `linux.seccomp` section: allow by default, SCMP_ACT_NOTIFY to `socket` for `syscalls`.
    public static func seccomp(socket: String, metadata: String? = nil) -> JSONValue {
        var section: [String: JSONValue] = [
            "defaultAction": "SCMP_ACT_ALLOW",
            "architectures": ["SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32"],
            "listenerPath": .string(socket),
            "syscalls": [["names": .array(syscalls.map { .string($0) }), "action": "SCMP_ACT_NOTIFY"]],
        ]
        if let metadata { section["listenerMetadata"] = .string(metadata) }
        return .object(section)
    }
}
