// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.

/// The state of a container as `strun state` prints it and hooks receive it: the spec's state plus
/// runc's `rootfs`, `created` and `owner`, which clients read.
public struct ContainerState: Sendable, Hashable, Codable {
    /// The runtime-spec version of the state document.
    public var ociVersion: String
    /// The container id.
    public var id: String
    /// The init process id in the runtime's pid namespace; runc prints it always, 0 when stopped.
    public var pid: Int?
    /// The lifecycle status.
    public var status: ContainerStatus
    /// The absolute bundle path.
    public var bundle: String
    /// The absolute rootfs path (runc extension).
    public var rootfs: String?
    /// Creation time, RFC 3339 with nanoseconds (runc extension); see `ContainerState.timestamp`.
    public var created: String?
    /// The config's annotations; omitted when empty.
    public var annotations: [String:String]?
    /// The owner of the state directory, empty for root (runc extension).
    public var owner: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        ociVersion: String = "",
        id: String = "",
        pid: Int? = nil,
        status: ContainerStatus = .creating,
        bundle: String = "",
        rootfs: String? = nil,
        created: String? = nil,
        annotations: [String:String]? = nil,
        owner: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.ociVersion = ociVersion
        self.id = id
        self.pid = pid
        self.status = status
        self.bundle = bundle
        self.rootfs = rootfs
        self.created = created
        self.annotations = annotations
        self.owner = owner
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(ContainerState.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension ContainerState: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "ociVersion": ociVersion = try reader.decode(jsonKey) ?? ""
            case "id": id = try reader.decode(jsonKey) ?? ""
            case "pid": pid = try reader.decode(jsonKey)
            case "status": status = try reader.decode(jsonKey) ?? .creating
            case "bundle": bundle = try reader.decode(jsonKey) ?? ""
            case "rootfs": rootfs = try reader.decode(jsonKey)
            case "created": created = try reader.decode(jsonKey)
            case "annotations": annotations = try reader.decode(jsonKey)
            case "owner": owner = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("ociVersion", ociVersion)
        writer.add("id", id)
        writer.add("pid", pid)
        writer.add("status", status)
        writer.add("bundle", bundle)
        writer.add("rootfs", rootfs)
        writer.add("created", created)
        writer.add("annotations", annotations)
        writer.add("owner", owner)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
