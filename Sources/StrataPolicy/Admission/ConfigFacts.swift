import StrataSpec

/// What rules look at, derived once from a decoded config.
///
/// Each fact is a plain value so that a rule's test is a set lookup or a comparison:
/// evaluating fifty rules costs microseconds next to decoding the config.
struct ConfigFacts {
    /// Every capability in any of the five sets, upper-case with the CAP_ prefix.
    var capabilities: Set<String> = []
    /// Namespace types the container gets a new one of (no `path`).
    var newNamespaces: Set<String> = []
    var mounts: [Mount] = []
    var readonlyRootfs = false
    var uid: UInt32 = 0
    /// No linux.seccomp, or a profile whose default action is allow.
    var seccompUnconfined = true
    var noNewPrivileges = false
    var memoryLimit = false
    var cpuLimit = false
    var pidsLimit = false
    var deviceRules: [LinuxDeviceCgroup] = []
    var deviceNodes: [LinuxDevice] = []
    var annotations: [String: String] = [:]
    /// The image reference an engine recorded in the annotations, if any.
    var image: String?
    var sysctls: [String] = []

    /// Annotation keys engines put the image reference under, in the order they are read:
    /// containerd's CRI plugin, CRI-O, containerd's own image label, the OCI image spec's
    /// reference and base-image names.
    static let imageAnnotations = [
        "io.kubernetes.cri.image-name",
        "io.kubernetes.cri-o.ImageName",
        "io.containerd.image.name",
        "org.opencontainers.image.ref.name",
        "org.opencontainers.image.base.name",
    ]

    init(_ spec: Spec) {
        if let caps = spec.process?.capabilities {
            for set in [caps.bounding, caps.effective, caps.permitted, caps.inheritable, caps.ambient] {
                for name in set ?? [] { capabilities.insert(Self.capabilityName(name)) }
            }
        }
        for ns in spec.linux?.namespaces ?? [] where (ns.path ?? "").isEmpty {
            newNamespaces.insert(ns.type)
        }
        mounts = spec.mounts ?? []
        readonlyRootfs = spec.root?.readonly ?? false
        uid = spec.process?.user.uid ?? 0
        if let seccomp = spec.linux?.seccomp {
            seccompUnconfined = seccomp.defaultAction == "SCMP_ACT_ALLOW"
        }
        noNewPrivileges = spec.process?.noNewPrivileges ?? false
        let resources = spec.linux?.resources
        memoryLimit = (resources?.memory?.limit ?? -1) > 0
        cpuLimit = (resources?.cpu?.quota ?? -1) > 0
        pidsLimit = (resources?.pids?.limit ?? -1) > 0
        deviceRules = (resources?.devices ?? []).filter(\.allow)
        deviceNodes = spec.linux?.devices ?? []
        annotations = spec.annotations ?? [:]
        image = Self.imageAnnotations.lazy.compactMap { spec.annotations?[$0] }.first { !$0.isEmpty }
        sysctls = spec.linux?.sysctl.map { Array($0.keys) } ?? []
    }

    /// No limit of this kind ("memory", "cpu", else "pids": the parser admits no other).
    func lacksLimit(_ kind: String) -> Bool {
        switch kind {
        case "memory": return !memoryLimit
        case "cpu": return !cpuLimit
        default: return !pidsLimit
        }
    }

    /// `sys_admin`, `SYS_ADMIN` and `CAP_SYS_ADMIN` are one capability.
    static func capabilityName(_ name: String) -> String {
        // Configs nearly always spell it CAP_X already; uppercased() (Unicode tables) is
        // the slow path only.
        if name.utf8.starts(with: "CAP_".utf8), !name.utf8.contains(where: { (0x61...0x7a).contains($0) }) { return name }
        let upper = name.uppercased()
        return upper.hasPrefix("CAP_") ? upper : "CAP_" + upper
    }
}
