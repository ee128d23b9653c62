// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.

/// The container's root filesystem.
public struct Root: Sendable, Hashable, Codable {
    /// The rootfs path, absolute or relative to the bundle.
    public var path: String
    /// Whether the rootfs is mounted read-only.
    public var readonly: Bool?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        path: String = "",
        readonly: Bool? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.path = path
        self.readonly = readonly
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Root.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Root: JSONCodable {
    init(json: JSONValue) throws(SpecError) {
        self.init()
        for (jsonKey, jsonMember) in try json.members() {
            switch jsonKey {
            case "path": path = try jsonMember.decode(jsonKey) ?? ""
            case "readonly": readonly = try jsonMember.decode(jsonKey)
            default: unknownFields[jsonKey] = jsonMember
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("path", path)
        writer.add("readonly", readonly)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A mount added to the container, in order.
public struct Mount: Sendable, Hashable, Codable {
    /// The mount point inside the container; absolute on Linux.
    public var destination: String
    /// The filesystem type, as for mount(2).
    public var type: String?
    /// A device, a path to bind, or a name for pseudo filesystems.
    public var source: String?
    /// Mount options as in mount(8); see `MountOptions.parse`.
    public var options: [String]?
    /// User id mapping for an idmapped mount.
    public var uidMappings: [LinuxIDMapping]?
    /// Group id mapping for an idmapped mount.
    public var gidMappings: [LinuxIDMapping]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        destination: String = "",
        type: String? = nil,
        source: String? = nil,
        options: [String]? = nil,
        uidMappings: [LinuxIDMapping]? = nil,
        gidMappings: [LinuxIDMapping]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.destination = destination
        self.type = type
        self.source = source
        self.options = options
        self.uidMappings = uidMappings
        self.gidMappings = gidMappings
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Mount.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Mount: JSONCodable {
    init(json: JSONValue) throws(SpecError) {
        self.init()
        for (jsonKey, jsonMember) in try json.members() {
            switch jsonKey {
            case "destination": destination = try jsonMember.decode(jsonKey) ?? ""
            case "type": type = try jsonMember.decode(jsonKey)
            case "source": source = try jsonMember.decode(jsonKey)
            case "options": options = try jsonMember.decode(jsonKey)
            case "uidMappings": uidMappings = try jsonMember.decode(jsonKey)
            case "gidMappings": gidMappings = try jsonMember.decode(jsonKey)
            default: unknownFields[jsonKey] = jsonMember
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("destination", destination)
        writer.add("type", type)
        writer.add("source", source)
        writer.add("options", options)
        writer.add("uidMappings", uidMappings)
        writer.add("gidMappings", gidMappings)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
