// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.

/// Linux-specific container configuration.
public struct Linux: Sendable, Hashable, Codable {
    /// User id mappings of the user namespace.
    public var uidMappings: [LinuxIDMapping]?
    /// Group id mappings of the user namespace.
    public var gidMappings: [LinuxIDMapping]?
    /// Clock offsets of the time namespace, keyed by `boottime` or `monotonic`.
    public var timeOffsets: [String:LinuxTimeOffset]?
    /// Kernel parameters set in the container.
    public var sysctl: [String:String]?
    /// Cgroup resource limits.
    public var resources: LinuxResources?
    /// The cgroup path, or `slice:prefix:name` for the systemd driver.
    public var cgroupsPath: String?
    /// Namespaces to create or join.
    public var namespaces: [LinuxNamespace]?
    /// Device nodes created in the container.
    public var devices: [LinuxDevice]?
    /// Host network devices moved into the container, keyed by host name.
    public var netDevices: [String:LinuxNetDevice]?
    /// The seccomp filter.
    public var seccomp: LinuxSeccomp?
    /// Propagation of the rootfs mount: `shared`, `slave`, `private`, `unbindable`, `rshared`...
    public var rootfsPropagation: String?
    /// Paths made inaccessible inside the container.
    public var maskedPaths: [String]?
    /// Paths made read-only inside the container.
    public var readonlyPaths: [String]?
    /// The SELinux context for mounts.
    public var mountLabel: String?
    /// Intel RDT (resctrl) configuration.
    public var intelRdt: LinuxIntelRdt?
    /// The execution domain, set with personality(2).
    public var personality: LinuxPersonality?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        uidMappings: [LinuxIDMapping]? = nil,
        gidMappings: [LinuxIDMapping]? = nil,
        timeOffsets: [String:LinuxTimeOffset]? = nil,
        sysctl: [String:String]? = nil,
        resources: LinuxResources? = nil,
        cgroupsPath: String? = nil,
        namespaces: [LinuxNamespace]? = nil,
        devices: [LinuxDevice]? = nil,
        netDevices: [String:LinuxNetDevice]? = nil,
        seccomp: LinuxSeccomp? = nil,
        rootfsPropagation: String? = nil,
        maskedPaths: [String]? = nil,
        readonlyPaths: [String]? = nil,
        mountLabel: String? = nil,
        intelRdt: LinuxIntelRdt? = nil,
        personality: LinuxPersonality? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.uidMappings = uidMappings
        self.gidMappings = gidMappings
        self.timeOffsets = timeOffsets
        self.sysctl = sysctl
        self.resources = resources
        self.cgroupsPath = cgroupsPath
        self.namespaces = namespaces
        self.devices = devices
        self.netDevices = netDevices
        self.seccomp = seccomp
        self.rootfsPropagation = rootfsPropagation
        self.maskedPaths = maskedPaths
        self.readonlyPaths = readonlyPaths
        self.mountLabel = mountLabel
        self.intelRdt = intelRdt
        self.personality = personality
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Linux.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Linux: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "uidMappings": uidMappings = try reader.decode(jsonKey)
            case "gidMappings": gidMappings = try reader.decode(jsonKey)
            case "timeOffsets": timeOffsets = try reader.decode(jsonKey)
            case "sysctl": sysctl = try reader.decode(jsonKey)
            case "resources": resources = try reader.decode(jsonKey)
            case "cgroupsPath": cgroupsPath = try reader.decode(jsonKey)
            case "namespaces": namespaces = try reader.decode(jsonKey)
            case "devices": devices = try reader.decode(jsonKey)
            case "netDevices": netDevices = try reader.decode(jsonKey)
            case "seccomp": seccomp = try reader.decode(jsonKey)
            case "rootfsPropagation": rootfsPropagation = try reader.decode(jsonKey)
            case "maskedPaths": maskedPaths = try reader.decode(jsonKey)
            case "readonlyPaths": readonlyPaths = try reader.decode(jsonKey)
            case "mountLabel": mountLabel = try reader.decode(jsonKey)
            case "intelRdt": intelRdt = try reader.decode(jsonKey)
            case "personality": personality = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("uidMappings", uidMappings)
        writer.add("gidMappings", gidMappings)
        writer.add("timeOffsets", timeOffsets)
        writer.add("sysctl", sysctl)
        writer.add("resources", resources)
        writer.add("cgroupsPath", cgroupsPath)
        writer.add("namespaces", namespaces)
        writer.add("devices", devices)
        writer.add("netDevices", netDevices)
        writer.add("seccomp", seccomp)
        writer.add("rootfsPropagation", rootfsPropagation)
        writer.add("maskedPaths", maskedPaths)
        writer.add("readonlyPaths", readonlyPaths)
        writer.add("mountLabel", mountLabel)
        writer.add("intelRdt", intelRdt)
        writer.add("personality", personality)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A namespace to create, or to join when `path` is set.
public struct LinuxNamespace: Sendable, Hashable, Codable {
    /// `pid`, `network`, `mount`, `ipc`, `uts`, `user`, `cgroup` or `time`; kept as text so unknown
    /// types reach validation.
    public var type: String
    /// A namespace file to join, such as `/proc/1234/ns/net`.
    public var path: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        type: String = "",
        path: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.type = type
        self.path = path
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxNamespace.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxNamespace: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "type": type = try reader.decode(jsonKey) ?? ""
            case "path": path = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("type", type)
        writer.add("path", path)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A range of ids mapped from the container to the host.
public struct LinuxIDMapping: Sendable, Hashable, Codable {
    /// The first id in the container.
    public var containerID: UInt32
    /// The first id on the host.
    public var hostID: UInt32
    /// The number of ids mapped.
    public var size: UInt32
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        containerID: UInt32 = 0,
        hostID: UInt32 = 0,
        size: UInt32 = 0,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.containerID = containerID
        self.hostID = hostID
        self.size = size
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxIDMapping.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxIDMapping: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "containerID": containerID = try reader.decode(jsonKey) ?? 0
            case "hostID": hostID = try reader.decode(jsonKey) ?? 0
            case "size": size = try reader.decode(jsonKey) ?? 0
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("containerID", containerID)
        writer.add("hostID", hostID)
        writer.add("size", size)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// An offset for a clock in the time namespace.
public struct LinuxTimeOffset: Sendable, Hashable, Codable {
    /// Whole seconds of the offset.
    public var secs: Int64?
    /// Nanoseconds added to `secs`.
    public var nanosecs: UInt32?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        secs: Int64? = nil,
        nanosecs: UInt32? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.secs = secs
        self.nanosecs = nanosecs
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxTimeOffset.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxTimeOffset: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "secs": secs = try reader.decode(jsonKey)
            case "nanosecs": nanosecs = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("secs", secs)
        writer.add("nanosecs", nanosecs)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A device node to create in the container.
public struct LinuxDevice: Sendable, Hashable, Codable {
    /// The path inside the container.
    public var path: String
    /// `c`, `b`, `u` or `p`.
    public var type: String
    /// The major number.
    public var major: Int64
    /// The minor number.
    public var minor: Int64
    /// Permission bits of the node.
    public var fileMode: UInt32?
    /// Owner of the node.
    public var uid: UInt32?
    /// Group of the node.
    public var gid: UInt32?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        path: String = "",
        type: String = "",
        major: Int64 = 0,
        minor: Int64 = 0,
        fileMode: UInt32? = nil,
        uid: UInt32? = nil,
        gid: UInt32? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.path = path
        self.type = type
        self.major = major
        self.minor = minor
        self.fileMode = fileMode
        self.uid = uid
        self.gid = gid
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxDevice.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxDevice: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "path": path = try reader.decode(jsonKey) ?? ""
            case "type": type = try reader.decode(jsonKey) ?? ""
            case "major": major = try reader.decode(jsonKey) ?? 0
            case "minor": minor = try reader.decode(jsonKey) ?? 0
            case "fileMode": fileMode = try reader.decode(jsonKey)
            case "uid": uid = try reader.decode(jsonKey)
            case "gid": gid = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("path", path)
        writer.add("type", type)
        writer.add("major", major)
        writer.add("minor", minor)
        writer.add("fileMode", fileMode)
        writer.add("uid", uid)
        writer.add("gid", gid)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A host network device moved into the container's network namespace.
public struct LinuxNetDevice: Sendable, Hashable, Codable {
    /// The interface name inside the container; the host name when absent.
    public var name: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        name: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxNetDevice.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxNetDevice: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "name": name = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("name", name)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// The execution domain of the process.
public struct LinuxPersonality: Sendable, Hashable, Codable {
    /// `LINUX` or `LINUX32`.
    public var domain: String
    /// Personality flags.
    public var flags: [String]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        domain: String = "",
        flags: [String]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.domain = domain
        self.flags = flags
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxPersonality.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxPersonality: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "domain": domain = try reader.decode(jsonKey) ?? ""
            case "flags": flags = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("domain", domain)
        writer.add("flags", flags)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Intel Resource Director Technology settings, applied through resctrl.
public struct LinuxIntelRdt: Sendable, Hashable, Codable {
    /// The resctrl group (class of service) name.
    public var closID: String?
    /// The L3 cache allocation schema.
    public var l3CacheSchema: String?
    /// The memory bandwidth allocation schema.
    public var memBwSchema: String?
    /// Whether to enable cache monitoring.
    public var enableCMT: Bool?
    /// Whether to enable memory bandwidth monitoring.
    public var enableMBM: Bool?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        closID: String? = nil,
        l3CacheSchema: String? = nil,
        memBwSchema: String? = nil,
        enableCMT: Bool? = nil,
        enableMBM: Bool? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.closID = closID
        self.l3CacheSchema = l3CacheSchema
        self.memBwSchema = memBwSchema
        self.enableCMT = enableCMT
        self.enableMBM = enableMBM
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxIntelRdt.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxIntelRdt: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "closID": closID = try reader.decode(jsonKey)
            case "l3CacheSchema": l3CacheSchema = try reader.decode(jsonKey)
            case "memBwSchema": memBwSchema = try reader.decode(jsonKey)
            case "enableCMT": enableCMT = try reader.decode(jsonKey)
            case "enableMBM": enableMBM = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("closID", closID)
        writer.add("l3CacheSchema", l3CacheSchema)
        writer.add("memBwSchema", memBwSchema)
        writer.add("enableCMT", enableCMT)
        writer.add("enableMBM", enableMBM)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
