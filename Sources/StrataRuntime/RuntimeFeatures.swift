import StrataSystem
import StrataSpec

/// The `strun features` document. It lists only what this build really does: AppArmor,
/// SELinux, systemd cgroups and idmapped mounts are reported disabled until they are
/// implemented.
public enum RuntimeFeatures {
    public static func document(version: String) -> Features {
        let linux = Features.Linux(
            namespaces: NamespaceKind.allCases.map(\.rawValue),
            capabilities: Capabilities.names,
            cgroup: Features.Cgroup(v1: true, v2: true, systemd: false, systemdUser: false, rdma: false),
            seccomp: Features.Seccomp(
                enabled: true, actions: SeccompCompiler.actionNames, operators: SeccompCompiler.operators.keys.sorted(),
                archs: SeccompCompiler.architectureNames, knownFlags: SeccompFlags.byName.keys.sorted(),
                supportedFlags: SeccompFlags.supportedNames()),
            apparmor: Features.Apparmor(enabled: false),
            selinux: Features.Selinux(enabled: false),
            intelRdt: Features.IntelRdt(enabled: false),
            mountExtensions: Features.MountExtensions(idmap: Features.IDMap(enabled: false)))
        return Features(
            ociVersionMin: "1.0.0", ociVersionMax: Spec.version,
            hooks: ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"],
            mountOptions: MountOptionParser.supportedNames,
            linux: linux,
            annotations: ["org.strata.strun.version": version, "org.strata.exec-stub": "memfd",
                          "io.github.seccomp.libseccomp.version": SeccompCompiler.libseccompVersion])
    }
}
