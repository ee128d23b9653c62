// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.

/// The OCI runtime configuration, the contents of a bundle's `config.json` (runtime-spec 1.2).
public struct Spec: Sendable, Hashable, Codable {
    /// The runtime-spec version the bundle was written for.
    public var ociVersion: String
    /// The container process; required for `start`.
    public var process: Process?
    /// The container's root filesystem.
    public var root: Root?
    /// The hostname inside the container; needs a UTS namespace.
    public var hostname: String?
    /// The NIS domain name inside the container; needs a UTS namespace.
    public var domainname: String?
    /// Additional mounts, in order, beyond the root filesystem.
    public var mounts: [Mount]?
    /// Lifecycle hooks.
    public var hooks: Hooks?
    /// Arbitrary metadata; keys are reverse-domain names by convention.
    public var annotations: [String:String]?
    /// Linux-specific configuration.
    public var linux: Linux?
    /// Solaris-specific configuration, kept for round trips.
    public var solaris: Solaris?
    /// Windows-specific configuration, kept for round trips.
    public var windows: Windows?
    /// Virtual-machine-specific configuration, kept for round trips.
    public var vm: VM?
    /// z/OS-specific configuration, kept for round trips.
    public var zos: ZOS?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        ociVersion: String = "",
        process: Process? = nil,
        root: Root? = nil,
        hostname: String? = nil,
        domainname: String? = nil,
        mounts: [Mount]? = nil,
        hooks: Hooks? = nil,
        annotations: [String:String]? = nil,
        linux: Linux? = nil,
        solaris: Solaris? = nil,
        windows: Windows? = nil,
        vm: VM? = nil,
        zos: ZOS? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.ociVersion = ociVersion
        self.process = process
        self.root = root
        self.hostname = hostname
        self.domainname = domainname
        self.mounts = mounts
        self.hooks = hooks
        self.annotations = annotations
        self.linux = linux
        self.solaris = solaris
        self.windows = windows
        self.vm = vm
        self.zos = zos
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Spec.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Spec: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "ociVersion": ociVersion = try reader.decode(jsonKey) ?? ""
            case "process": process = try reader.decode(jsonKey)
            case "root": root = try reader.decode(jsonKey)
            case "hostname": hostname = try reader.decode(jsonKey)
            case "domainname": domainname = try reader.decode(jsonKey)
            case "mounts": mounts = try reader.decode(jsonKey)
            case "hooks": hooks = try reader.decode(jsonKey)
            case "annotations": annotations = try reader.decode(jsonKey)
            case "linux": linux = try reader.decode(jsonKey)
            case "solaris": solaris = try reader.decode(jsonKey)
            case "windows": windows = try reader.decode(jsonKey)
            case "vm": vm = try reader.decode(jsonKey)
            case "zos": zos = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("ociVersion", ociVersion)
        writer.add("process", process)
        writer.add("root", root)
        writer.add("hostname", hostname)
        writer.add("domainname", domainname)
        writer.add("mounts", mounts)
        writer.add("hooks", hooks)
        writer.add("annotations", annotations)
        writer.add("linux", linux)
        writer.add("solaris", solaris)
        writer.add("windows", windows)
        writer.add("vm", vm)
        writer.add("zos", zos)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
