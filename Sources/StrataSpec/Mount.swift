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
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "path": path = try reader.decode(jsonKey) ?? ""
            case "readonly": readonly = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
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
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "destination": destination = try reader.decode(jsonKey) ?? ""
            case "type": type = try reader.decode(jsonKey)
            case "source": source = try reader.decode(jsonKey)
            case "options": options = try reader.decode(jsonKey)
            case "uidMappings": uidMappings = try reader.decode(jsonKey)
            case "gidMappings": gidMappings = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
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
