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
    /// The attribute files are this thread's, reached through a procfs handle of our own
    /// (made inside the container's namespaces), never through the container's /proc,
    /// which a config can cover with a bind mount (CVE-2019-16884, CVE-2025-52881).
    static func applyOnExec(_ process: Process) throws(StrataError) {
        let profile = process.apparmorProfile ?? ""
        let label = process.selinuxLabel ?? ""
        guard !profile.isEmpty || !label.isEmpty else { return }
        let procfs = try ProcFS.open()
        if !profile.isEmpty {
            // The AppArmor-specific file exists on kernels with LSM stacking; older ones
            // have only the shared attr file.
            let stacked = (try? procfs.open("thread-self/attr/apparmor/exec", flags: O_PATH)).map { closeFD($0); return true } ?? false
            let path = stacked ? "thread-self/attr/apparmor/exec" : "thread-self/attr/exec"
            do { try procfs.write(path, "exec " + profile) } catch {
                throw error.within("apply AppArmor profile \(profile)")
            }
        }
        if !label.isEmpty {
            do { try procfs.write("thread-self/attr/exec", label) } catch {
                throw error.within("apply SELinux label \(label)")
            }
        }
    }
}
