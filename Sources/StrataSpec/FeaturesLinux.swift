// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.
// The `strun features` document (runtime-spec features.md). Nested in `Features` as Go's `features` package nests them.

extension Features {
    /// Linux-specific features.
    public struct Linux: Sendable, Hashable, Codable {
        /// Namespace types supported.
        public var namespaces: [String]?
        /// Capability names known.
        public var capabilities: [String]?
        /// Cgroup support.
        public var cgroup: Features.Cgroup?
        /// Seccomp support.
        public var seccomp: Features.Seccomp?
        /// AppArmor support.
        public var apparmor: Features.Apparmor?
        /// SELinux support.
        public var selinux: Features.Selinux?
        /// Intel RDT support.
        public var intelRdt: Features.IntelRdt?
        /// Mount extensions supported.
        public var mountExtensions: Features.MountExtensions?
        /// Network device support.
        public var netDevices: Features.NetDevices?
        /// Members this version does not know, kept so the document round-trips unchanged.
        public var unknownFields: [String: JSONValue]

        public init(
            namespaces: [String]? = nil,
            capabilities: [String]? = nil,
            cgroup: Features.Cgroup? = nil,
            seccomp: Features.Seccomp? = nil,
            apparmor: Features.Apparmor? = nil,
            selinux: Features.Selinux? = nil,
            intelRdt: Features.IntelRdt? = nil,
            mountExtensions: Features.MountExtensions? = nil,
            netDevices: Features.NetDevices? = nil,
            unknownFields: [String: JSONValue] = [:]
        ) {
            self.namespaces = namespaces
            self.capabilities = capabilities
            self.cgroup = cgroup
            self.seccomp = seccomp
            self.apparmor = apparmor
            self.selinux = selinux
            self.intelRdt = intelRdt
            self.mountExtensions = mountExtensions
            self.netDevices = netDevices
            self.unknownFields = unknownFields
        }

        public init(from decoder: any Decoder) throws {
            self = try decodeModel(Linux.self, from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try jsonOutput.encode(to: encoder)
        }
    }

    /// Cgroup support.
    public struct Cgroup: Sendable, Hashable, Codable {
        /// Whether cgroup v1 is supported.
        public var v1: Bool?
        /// Whether cgroup v2 is supported.
        public var v2: Bool?
        /// Whether the systemd cgroup driver is supported.
        public var systemd: Bool?
        /// Whether the systemd user-instance driver is supported.
        public var systemdUser: Bool?
        /// Whether the rdma controller is supported.
        public var rdma: Bool?
        /// Members this version does not know, kept so the document round-trips unchanged.
        public var unknownFields: [String: JSONValue]

        public init(
            v1: Bool? = nil,
            v2: Bool? = nil,
            systemd: Bool? = nil,
            systemdUser: Bool? = nil,
            rdma: Bool? = nil,
            unknownFields: [String: JSONValue] = [:]
        ) {
            self.v1 = v1
            self.v2 = v2
            self.systemd = systemd
            self.systemdUser = systemdUser
            self.rdma = rdma
            self.unknownFields = unknownFields
        }

        public init(from decoder: any Decoder) throws {
            self = try decodeModel(Cgroup.self, from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try jsonOutput.encode(to: encoder)
        }
    }

    /// Seccomp support.
    public struct Seccomp: Sendable, Hashable, Codable {
        /// Whether seccomp is supported.
        public var enabled: Bool?
        /// `SCMP_ACT_*` actions known.
        public var actions: [String]?
        /// `SCMP_CMP_*` operators known.
        public var operators: [String]?
        /// `SCMP_ARCH_*` architectures known.
        public var archs: [String]?
        /// `SECCOMP_FILTER_FLAG_*` flags known.
        public var knownFlags: [String]?
        /// Flags supported by this kernel and libseccomp.
        public var supportedFlags: [String]?
        /// Members this version does not know, kept so the document round-trips unchanged.
        public var unknownFields: [String: JSONValue]

        public init(
            enabled: Bool? = nil,
            actions: [String]? = nil,
            operators: [String]? = nil,
            archs: [String]? = nil,
            knownFlags: [String]? = nil,
            supportedFlags: [String]? = nil,
            unknownFields: [String: JSONValue] = [:]
        ) {
            self.enabled = enabled
            self.actions = actions
            self.operators = operators
            self.archs = archs
            self.knownFlags = knownFlags
            self.supportedFlags = supportedFlags
            self.unknownFields = unknownFields
        }

        public init(from decoder: any Decoder) throws {
            self = try decodeModel(Seccomp.self, from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try jsonOutput.encode(to: encoder)
        }
    }

    /// AppArmor support.
    public struct Apparmor: Sendable, Hashable, Codable {
        public var enabled: Bool?
        /// Members this version does not know, kept so the document round-trips unchanged.
        public var unknownFields: [String: JSONValue]

        public init(
            enabled: Bool? = nil,
            unknownFields: [String: JSONValue] = [:]
        ) {
            self.enabled = enabled
            self.unknownFields = unknownFields
        }

        public init(from decoder: any Decoder) throws {
            self = try decodeModel(Apparmor.self, from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try jsonOutput.encode(to: encoder)
        }
    }

    /// SELinux support.
    public struct Selinux: Sendable, Hashable, Codable {
        public var enabled: Bool?
        /// Members this version does not know, kept so the document round-trips unchanged.
        public var unknownFields: [String: JSONValue]

        public init(
            enabled: Bool? = nil,
            unknownFields: [String: JSONValue] = [:]
        ) {
            self.enabled = enabled
            self.unknownFields = unknownFields
        }

        public init(from decoder: any Decoder) throws {
            self = try decodeModel(Selinux.self, from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try jsonOutput.encode(to: encoder)
        }
    }

    /// Intel RDT support.
    public struct IntelRdt: Sendable, Hashable, Codable {
        public var enabled: Bool?
        /// Members this version does not know, kept so the document round-trips unchanged.
        public var unknownFields: [String: JSONValue]

        public init(
            enabled: Bool? = nil,
            unknownFields: [String: JSONValue] = [:]
        ) {
            self.enabled = enabled
            self.unknownFields = unknownFields
        }

        public init(from decoder: any Decoder) throws {
            self = try decodeModel(IntelRdt.self, from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try jsonOutput.encode(to: encoder)
        }
    }

    /// Mount extensions.
    public struct MountExtensions: Sendable, Hashable, Codable {
        /// Idmapped mounts.
        public var idmap: Features.IDMap?
        /// Members this version does not know, kept so the document round-trips unchanged.
        public var unknownFields: [String: JSONValue]

        public init(
            idmap: Features.IDMap? = nil,
            unknownFields: [String: JSONValue] = [:]
        ) {
            self.idmap = idmap
            self.unknownFields = unknownFields
        }

        public init(from decoder: any Decoder) throws {
            self = try decodeModel(MountExtensions.self, from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try jsonOutput.encode(to: encoder)
        }
    }

    /// Idmapped mount support.
    public struct IDMap: Sendable, Hashable, Codable {
        public var enabled: Bool?
        /// Members this version does not know, kept so the document round-trips unchanged.
        public var unknownFields: [String: JSONValue]

        public init(
            enabled: Bool? = nil,
            unknownFields: [String: JSONValue] = [:]
        ) {
            self.enabled = enabled
            self.unknownFields = unknownFields
        }

        public init(from decoder: any Decoder) throws {
            self = try decodeModel(IDMap.self, from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try jsonOutput.encode(to: encoder)
        }
    }

    /// Network device support.
    public struct NetDevices: Sendable, Hashable, Codable {
        public var enabled: Bool?
        /// Members this version does not know, kept so the document round-trips unchanged.
        public var unknownFields: [String: JSONValue]

        public init(
            enabled: Bool? = nil,
            unknownFields: [String: JSONValue] = [:]
        ) {
            self.enabled = enabled
            self.unknownFields = unknownFields
        }

        public init(from decoder: any Decoder) throws {
            self = try decodeModel(NetDevices.self, from: decoder)
        }

        public func encode(to encoder: any Encoder) throws {
            try jsonOutput.encode(to: encoder)
        }
    }
}

extension Features.Linux: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "namespaces": namespaces = try reader.decode(jsonKey)
            case "capabilities": capabilities = try reader.decode(jsonKey)
            case "cgroup": cgroup = try reader.decode(jsonKey)
            case "seccomp": seccomp = try reader.decode(jsonKey)
            case "apparmor": apparmor = try reader.decode(jsonKey)
            case "selinux": selinux = try reader.decode(jsonKey)
            case "intelRdt": intelRdt = try reader.decode(jsonKey)
            case "mountExtensions": mountExtensions = try reader.decode(jsonKey)
            case "netDevices": netDevices = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("namespaces", namespaces)
        writer.add("capabilities", capabilities)
        writer.add("cgroup", cgroup)
        writer.add("seccomp", seccomp)
        writer.add("apparmor", apparmor)
        writer.add("selinux", selinux)
        writer.add("intelRdt", intelRdt)
        writer.add("mountExtensions", mountExtensions)
        writer.add("netDevices", netDevices)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

extension Features.Cgroup: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "v1": v1 = try reader.decode(jsonKey)
            case "v2": v2 = try reader.decode(jsonKey)
            case "systemd": systemd = try reader.decode(jsonKey)
            case "systemdUser": systemdUser = try reader.decode(jsonKey)
            case "rdma": rdma = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("v1", v1)
        writer.add("v2", v2)
        writer.add("systemd", systemd)
        writer.add("systemdUser", systemdUser)
        writer.add("rdma", rdma)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

extension Features.Seccomp: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "enabled": enabled = try reader.decode(jsonKey)
            case "actions": actions = try reader.decode(jsonKey)
            case "operators": operators = try reader.decode(jsonKey)
            case "archs": archs = try reader.decode(jsonKey)
            case "knownFlags": knownFlags = try reader.decode(jsonKey)
            case "supportedFlags": supportedFlags = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("enabled", enabled)
        writer.add("actions", actions)
        writer.add("operators", operators)
        writer.add("archs", archs)
        writer.add("knownFlags", knownFlags)
        writer.add("supportedFlags", supportedFlags)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

extension Features.Apparmor: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "enabled": enabled = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("enabled", enabled)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

extension Features.Selinux: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "enabled": enabled = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("enabled", enabled)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

extension Features.IntelRdt: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "enabled": enabled = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("enabled", enabled)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

extension Features.MountExtensions: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "idmap": idmap = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("idmap", idmap)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

extension Features.IDMap: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "enabled": enabled = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("enabled", enabled)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

extension Features.NetDevices: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "enabled": enabled = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("enabled", enabled)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
