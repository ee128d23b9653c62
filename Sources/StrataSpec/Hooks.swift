// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.

/// Commands run at points of the container lifecycle.
public struct Hooks: Sendable, Hashable, Codable {
    /// Deprecated: run in the runtime namespace after create, before pivot_root.
    public var prestart: [Hook]?
    /// Run in the runtime namespace during create, after the namespaces exist.
    public var createRuntime: [Hook]?
    /// Run in the container namespace during create, before pivot_root.
    public var createContainer: [Hook]?
    /// Run in the container namespace during start, before the user process.
    public var startContainer: [Hook]?
    /// Run in the runtime namespace after the user process starts.
    public var poststart: [Hook]?
    /// Run in the runtime namespace after the container is deleted.
    public var poststop: [Hook]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        prestart: [Hook]? = nil,
        createRuntime: [Hook]? = nil,
        createContainer: [Hook]? = nil,
        startContainer: [Hook]? = nil,
        poststart: [Hook]? = nil,
        poststop: [Hook]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.prestart = prestart
        self.createRuntime = createRuntime
        self.createContainer = createContainer
        self.startContainer = startContainer
        self.poststart = poststart
        self.poststop = poststop
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Hooks.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Hooks: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "prestart": prestart = try reader.decode(jsonKey)
            case "createRuntime": createRuntime = try reader.decode(jsonKey)
            case "createContainer": createContainer = try reader.decode(jsonKey)
            case "startContainer": startContainer = try reader.decode(jsonKey)
            case "poststart": poststart = try reader.decode(jsonKey)
            case "poststop": poststop = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("prestart", prestart)
        writer.add("createRuntime", createRuntime)
        writer.add("createContainer", createContainer)
        writer.add("startContainer", startContainer)
        writer.add("poststart", poststart)
        writer.add("poststop", poststop)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// One hook command; the container state is written to its standard input.
public struct Hook: Sendable, Hashable, Codable {
    /// The absolute path of the executable.
    public var path: String
    /// The argument vector, including argv[0].
    public var args: [String]?
    /// Environment as `KEY=value` strings.
    public var env: [String]?
    /// Seconds after which the hook is killed; positive when set.
    public var timeout: Int?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        path: String = "",
        args: [String]? = nil,
        env: [String]? = nil,
        timeout: Int? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.path = path
        self.args = args
        self.env = env
        self.timeout = timeout
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Hook.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Hook: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "path": path = try reader.decode(jsonKey) ?? ""
            case "args": args = try reader.decode(jsonKey)
            case "env": env = try reader.decode(jsonKey)
            case "timeout": timeout = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("path", path)
        writer.add("args", args)
        writer.add("env", env)
        writer.add("timeout", timeout)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
