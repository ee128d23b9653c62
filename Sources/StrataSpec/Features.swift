// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.
// The `strun features` document (runtime-spec features.md). Nested in `Features` as Go's `features` package nests them.

/// What the runtime supports, as printed by `strun features`.
public struct Features: Sendable, Hashable, Codable {
    /// The oldest runtime-spec version accepted.
    public var ociVersionMin: String?
    /// The newest runtime-spec version accepted.
    public var ociVersionMax: String?
    /// Hook names supported, such as `prestart`.
    public var hooks: [String]?
    /// Mount option names understood, including unknown-but-passed-through ones the runtime lists.
    public var mountOptions: [String]?
    /// Linux-specific features.
    public var linux: Features.Linux?
    /// Implementation details, such as `org.opencontainers.runc.version`.
    public var annotations: [String:String]?
    /// Config annotations that change behaviour in ways a higher-level engine should filter.
    public var potentiallyUnsafeConfigAnnotations: [String]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        ociVersionMin: String? = nil,
        ociVersionMax: String? = nil,
        hooks: [String]? = nil,
        mountOptions: [String]? = nil,
        linux: Features.Linux? = nil,
        annotations: [String:String]? = nil,
        potentiallyUnsafeConfigAnnotations: [String]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.ociVersionMin = ociVersionMin
        self.ociVersionMax = ociVersionMax
        self.hooks = hooks
        self.mountOptions = mountOptions
        self.linux = linux
        self.annotations = annotations
        self.potentiallyUnsafeConfigAnnotations = potentiallyUnsafeConfigAnnotations
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Features.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Features: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "ociVersionMin": ociVersionMin = try reader.decode(jsonKey)
            case "ociVersionMax": ociVersionMax = try reader.decode(jsonKey)
            case "hooks": hooks = try reader.decode(jsonKey)
            case "mountOptions": mountOptions = try reader.decode(jsonKey)
            case "linux": linux = try reader.decode(jsonKey)
            case "annotations": annotations = try reader.decode(jsonKey)
            case "potentiallyUnsafeConfigAnnotations": potentiallyUnsafeConfigAnnotations = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("ociVersionMin", ociVersionMin)
        writer.add("ociVersionMax", ociVersionMax)
        writer.add("hooks", hooks)
        writer.add("mountOptions", mountOptions)
        writer.add("linux", linux)
        writer.add("annotations", annotations)
        writer.add("potentiallyUnsafeConfigAnnotations", potentiallyUnsafeConfigAnnotations)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
