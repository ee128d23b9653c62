#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// AppArmor and SELinux: a profile or label in the config is applied only where the host
/// runs that LSM, and refused with a clear error where it does not, because starting the
/// container without the confinement it asked for would be worse than not starting it.
enum SecurityModules {
    static var appArmorEnabled: Bool {
        ((try? Files.readText("/sys/module/apparmor/parameters/enabled")) ?? "").hasPrefix("Y")
    }

    static var selinuxEnabled: Bool {
        Files.exists("/sys/fs/selinux/enforce")
    }

    /// Refuses, at create, a profile or label for an LSM this host does not run.
    static func check(_ spec: Spec, file: String) throws(StrataError) {
        if let profile = spec.process?.apparmorProfile, !profile.isEmpty, !appArmorEnabled {
            throw StrataError("validate", file, reason: "process.apparmorProfile \"\(profile)\": AppArmor is not enabled on this host")
        }
        if let label = spec.process?.selinuxLabel, !label.isEmpty, !selinuxEnabled {
            throw StrataError("validate", file, reason: "process.selinuxLabel \"\(label)\": SELinux is not enabled on this host")
        }
        if let label = spec.linux?.mountLabel, !label.isEmpty {
            let reason = selinuxEnabled ? "SELinux mount labels are not supported by this strun yet"
                                        : "SELinux is not enabled on this host"
            throw StrataError("validate", file, reason: "linux.mountLabel \"\(label)\": \(reason)")
        }
    }

    /// Sets the labels the next exec takes on: the kernel switches at execve, so the init
    /// keeps its own until then. Called before the seccomp filter, which may deny the writes.
    static func applyOnExec(_ process: Process) throws(StrataError) {
        if let profile = process.apparmorProfile, !profile.isEmpty {
            // The AppArmor-specific file exists on kernels with LSM stacking; older ones
            // have only the shared attr file.
            let path = Files.exists("/proc/self/attr/apparmor/exec") ? "/proc/self/attr/apparmor/exec" : "/proc/self/attr/exec"
            do { try writeProcAttribute(path, "exec " + profile) } catch {
                throw error.within("apply AppArmor profile \(profile)")
            }
        }
        if let label = process.selinuxLabel, !label.isEmpty {
            do { try writeProcAttribute("/proc/self/attr/exec", label) } catch {
                throw error.within("apply SELinux label \(label)")
            }
        }
    }

    /// Writes an LSM attribute only into real procfs: a config that mounts something over
    /// /proc (CVE-2019-16884) would otherwise take the label into a plain file, silently.
    private static func writeProcAttribute(_ path: String, _ value: String) throws(StrataError) {
        let fd = try sys("open", path) { open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW) }
        defer { closeFD(fd) }
        guard strata_fd_fs_magic(fd) == 0x9fa0 /* PROC_SUPER_MAGIC */ else {
            throw StrataError("write", path, reason: "not on procfs: something is mounted over /proc")
        }
        try Files.writeAll(fd: fd, Array(value.utf8), name: path)
    }
}
