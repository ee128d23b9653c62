import StrataSystem
import StrataSpec
import StrataWasm

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
                          "io.github.seccomp.libseccomp.version": SeccompCompiler.libseccompVersion,
                          // The Wasm handler (crun says run.oci.crun.wasm): the engine, the
                          // WASI version, and the annotations that select it.
                          "org.strata.wasm": "true",
                          "org.strata.wasm.engine": "wasmkit",
                          "org.strata.wasm.wasi": "preview1",
                          "org.strata.wasm.handlers": "run.oci.handler=wasm|wasm-smart,module.wasm.image/variant=compat|compat-smart"],
            // They turn a container's process into a Wasm module: an engine that passes
            // image annotations through should know.
            potentiallyUnsafeConfigAnnotations: [WasmTrigger.handlerKey, WasmTrigger.variantKey])
    }
}
