import StrataSystem
import StrataSpec

/// Security settings strun cannot enforce yet. A config that asks for one is refused:
/// silently running without the syscall filter or LSM profile the caller asked for would
/// be worse than failing (runc built without seccomp refuses the same way).
enum UnsupportedFeatures {
    static func check(_ spec: Spec, bundle: String) throws(StrataError) {
        let file = bundle + "/config.json"
        if let profile = spec.process?.apparmorProfile, !profile.isEmpty {
            throw StrataError("validate", file, reason: "process.apparmorProfile \"\(profile)\": AppArmor is not supported by this strun yet")
        }
        if let label = spec.process?.selinuxLabel, !label.isEmpty {
            throw StrataError("validate", file, reason: "process.selinuxLabel \"\(label)\": SELinux is not supported by this strun yet")
        }
        if let label = spec.linux?.mountLabel, !label.isEmpty {
            throw StrataError("validate", file, reason: "linux.mountLabel \"\(label)\": SELinux is not supported by this strun yet")
        }
    }
}
