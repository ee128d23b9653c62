#if canImport(Glibc)
import Glibc
#endif
import CSeccomp

/// Syscall names for numbers, as libseccomp knows them per architecture.
public enum SyscallNames {
    /// The name of syscall `number` on `arch` (an AUDIT_ARCH_* value, which is what
    /// libseccomp's arch tokens are), or "nrN" when libseccomp does not know it.
    public static func name(number: Int32, arch: UInt32) -> String {
        guard let raw = seccomp_syscall_resolve_num_arch(arch, number) else { return "nr\(number)" }
        defer { free(raw) }
        return String(cString: raw)
    }

    /// Whether libseccomp knows `name` as a syscall of the native architecture.
    public static func isKnown(_ name: String) -> Bool {
        !name.isEmpty && seccomp_syscall_resolve_name(name) != __NR_SCMP_ERROR
    }
}
