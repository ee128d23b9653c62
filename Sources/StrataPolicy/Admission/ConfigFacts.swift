import StrataSpec

/// What rules look at, derived once from a decoded config.
///
/// strun derives these once per create and tests every rule against them, so the facts a
/// rule names by a closed vocabulary (capabilities, namespace types, limit kinds) are bit
/// masks: a rule's test is one AND. Building sets of strings instead cost more than the fifty
/// tests together (hashing, and the set type's metadata made at run time on first use).
struct ConfigFacts: Sendable {
    /// Known capabilities in any of the five sets: bit n for kernel number n (below 63, so
    /// that a mask fits the compiled form's LEB128 number; higher ones count as unknown).
    var capabilityMask: UInt64 = 0
    /// Capabilities this build does not know (a newer kernel's), as `CAP_X`.
    var otherCapabilities: [String] = []
    /// Namespace types the container gets a new one of (no `path`): bit i for
    /// `NamespaceTypes.all[i]`.
    var newNamespaceMask: UInt8 = 0
    /// Each mount's type (`bind` however a bind is spelled), source ("" for none) and
    /// destination, by index: three string lists rather than a list of a struct of our own,
    /// whose array type would be one more piece of metadata the runtime makes on first use.
    var mountTypes: [String] = []
    var mountSources: [String] = []
    var mountDestinations: [String] = []
    var readonlyRootfs = false
    var uid: UInt32 = 0
    /// No linux.seccomp, or a profile whose default action is allow.
    var seccompUnconfined = true
    var noNewPrivileges = false
    /// Limits the config sets: bit i for `limitKinds[i]`.
    var limitMask: UInt8 = 0
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

    /// The limits a rule can find missing, in the order reasons list them.
    static let limitKinds = ["memory", "cpu", "pids"]

    init(_ spec: Spec) {
        if let caps = spec.process?.capabilities {
            // Engines nearly always give the same list for bounding, effective and
            // permitted: a list equal to the one before adds nothing.
            var previous: [String]? = nil
            func add(_ list: [String]?) {
                guard let list, list != previous else { return }
                previous = list
                for name in list { addCapability(name) }
            }
            add(caps.bounding)
            add(caps.effective)
            add(caps.permitted)
            add(caps.inheritable)
            add(caps.ambient)
        }
        for ns in spec.linux?.namespaces ?? [] where (ns.path ?? "").isEmpty {
            newNamespaceMask |= Self.namespaceBit(ns.type) ?? 0
        }
        if let mounts = spec.mounts {
            mountTypes.reserveCapacity(mounts.count)
            mountSources.reserveCapacity(mounts.count)
            mountDestinations.reserveCapacity(mounts.count)
            for m in mounts {
                mountTypes.append(Self.mountType(m))
                mountSources.append(m.source ?? "")
                mountDestinations.append(m.destination)
            }
        }
        readonlyRootfs = spec.root?.readonly ?? false
        uid = spec.process?.user.uid ?? 0
        if let seccomp = spec.linux?.seccomp {
            seccompUnconfined = seccomp.defaultAction == "SCMP_ACT_ALLOW"
        }
        noNewPrivileges = spec.process?.noNewPrivileges ?? false
        if let resources = spec.linux?.resources {
            if (resources.memory?.limit ?? -1) > 0 { limitMask |= Self.limitBit("memory") }
            if (resources.cpu?.quota ?? -1) > 0 { limitMask |= Self.limitBit("cpu") }
            if (resources.pids?.limit ?? -1) > 0 { limitMask |= Self.limitBit("pids") }
            deviceRules = (resources.devices ?? []).filter { $0.allow }
        }
        deviceNodes = spec.linux?.devices ?? []
        if let given = spec.annotations, !given.isEmpty {
            annotations = given
            for key in Self.imageAnnotations {
                if let value = given[key], !value.isEmpty {
                    image = value
                    break
                }
            }
        }
        if let sysctl = spec.linux?.sysctl, !sysctl.isEmpty { sysctls = Array(sysctl.keys) }
    }

    private mutating func addCapability(_ name: String) {
        let canonical = Self.capabilityName(name)
        if let bit = Self.capabilityBit(canonical) {
            capabilityMask |= bit
        } else if !otherCapabilities.contains(canonical) {
            otherCapabilities.append(canonical)
        }
    }

    /// Whether the config grants `name` (canonical, `CAP_X`) in any set.
    func hasCapability(_ name: String) -> Bool {
        if let bit = Self.capabilityBit(name) { return capabilityMask & bit != 0 }
        return otherCapabilities.contains(name)
    }

    /// Every capability the config grants, canonical and sorted.
    var capabilityNames: [String] {
        (Self.members(of: Capabilities.names, in: capabilityMask) + otherCapabilities).sorted()
    }

    /// Whether the container gets a new namespace of `type`.
    func hasNewNamespace(_ type: String) -> Bool {
        newNamespaceMask & (Self.namespaceBit(type) ?? 0) != 0
    }

    /// No limit of this kind ("memory", "cpu" or "pids").
    func lacksLimit(_ kind: String) -> Bool {
        limitMask & Self.limitBit(kind) == 0
    }

    /// "bind" for a bind mount however it is spelled (runc binds when the options say so).
    static func mountType(_ m: Mount) -> String {
        if let options = m.options, options.contains("bind") || options.contains("rbind") { return "bind" }
        return m.type ?? "none"
    }

    /// `sys_admin`, `SYS_ADMIN` and `CAP_SYS_ADMIN` are one capability.
    static func capabilityName(_ name: String) -> String {
        // Configs nearly always spell it CAP_X already; uppercased() (Unicode tables) is
        // the slow path only.
        if name.utf8.starts(with: "CAP_".utf8), !name.utf8.contains(where: { (0x61...0x7a).contains($0) }) { return name }
        let upper = name.uppercased()
        return upper.hasPrefix("CAP_") ? upper : "CAP_" + upper
    }

    /// The mask bit of a known capability (canonical name), or nil.
    static func capabilityBit(_ name: String) -> UInt64? {
        guard let number = Capabilities.number(of: name), number < 63 else { return nil }
        return 1 << UInt64(number)
    }

    /// The mask bit of a namespace type, or nil for a type the spec does not define.
    static func namespaceBit(_ type: String) -> UInt8? {
        bit(of: type, in: NamespaceTypes.all, below: 8).map { UInt8($0) }
    }

    /// The mask bit of a limit kind (0 for a name outside `limitKinds`).
    static func limitBit(_ kind: String) -> UInt8 {
        bit(of: kind, in: limitKinds, below: 8).map { UInt8($0) } ?? 0
    }

    /// Bit i for `list[i]`, or nil for a name not in `list` or at an index of `width` or more.
    static func bit(of name: String, in list: [String], below width: Int) -> UInt64? {
        guard let i = list.firstIndex(of: name), i < width else { return nil }
        return 1 << UInt64(i)
    }

    /// The mask of every name of `names` found in `list` (the compiled form's operands).
    static func bits(_ names: [String], in list: [String], below width: Int) -> UInt64 {
        names.reduce(0) { $0 | (bit(of: $1, in: list, below: width) ?? 0) }
    }

    /// The names of `list` whose bits `mask` holds, in `list`'s order: what a mask means.
    static func members(of list: [String], in mask: UInt64) -> [String] {
        list.indices.filter { $0 < 64 && mask & (1 << UInt64($0)) != 0 }.map { list[$0] }
    }
}
