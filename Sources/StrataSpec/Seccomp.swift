// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.

/// A seccomp filter: a default action and per-syscall rules.
public struct LinuxSeccomp: Sendable, Hashable, Codable {
    /// The action for syscalls no rule matches, `SCMP_ACT_*`.
    public var defaultAction: String
    /// The errno returned by `SCMP_ACT_ERRNO` as the default action.
    public var defaultErrnoRet: UInt?
    /// Architectures the filter covers, `SCMP_ARCH_*`.
    public var architectures: [String]?
    /// `SECCOMP_FILTER_FLAG_*` names passed to seccomp(2).
    public var flags: [String]?
    /// The Unix socket that receives the notify fd for `SCMP_ACT_NOTIFY`.
    public var listenerPath: String?
    /// Opaque data sent to the listener.
    public var listenerMetadata: String?
    /// Rules, matched in order.
    public var syscalls: [LinuxSyscall]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        defaultAction: String = "",
        defaultErrnoRet: UInt? = nil,
        architectures: [String]? = nil,
        flags: [String]? = nil,
        listenerPath: String? = nil,
        listenerMetadata: String? = nil,
        syscalls: [LinuxSyscall]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.defaultAction = defaultAction
        self.defaultErrnoRet = defaultErrnoRet
        self.architectures = architectures
        self.flags = flags
        self.listenerPath = listenerPath
        self.listenerMetadata = listenerMetadata
        self.syscalls = syscalls
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxSeccomp.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxSeccomp: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "defaultAction": defaultAction = try reader.decode(jsonKey) ?? ""
            case "defaultErrnoRet": defaultErrnoRet = try reader.decode(jsonKey)
            case "architectures": architectures = try reader.decode(jsonKey)
            case "flags": flags = try reader.decode(jsonKey)
            case "listenerPath": listenerPath = try reader.decode(jsonKey)
            case "listenerMetadata": listenerMetadata = try reader.decode(jsonKey)
            case "syscalls": syscalls = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("defaultAction", defaultAction)
        writer.add("defaultErrnoRet", defaultErrnoRet)
        writer.add("architectures", architectures)
        writer.add("flags", flags)
        writer.add("listenerPath", listenerPath)
        writer.add("listenerMetadata", listenerMetadata)
        writer.add("syscalls", syscalls)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A seccomp rule for a set of syscalls.
public struct LinuxSyscall: Sendable, Hashable, Codable {
    /// The syscall names.
    public var names: [String]
    /// The action, `SCMP_ACT_*`.
    public var action: String
    /// The errno returned by `SCMP_ACT_ERRNO`.
    public var errnoRet: UInt?
    /// Conditions on the arguments, all of which must hold.
    public var args: [LinuxSeccompArg]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        names: [String] = [],
        action: String = "",
        errnoRet: UInt? = nil,
        args: [LinuxSeccompArg]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.names = names
        self.action = action
        self.errnoRet = errnoRet
        self.args = args
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxSyscall.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxSyscall: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "names": names = try reader.decode(jsonKey) ?? []
            case "action": action = try reader.decode(jsonKey) ?? ""
            case "errnoRet": errnoRet = try reader.decode(jsonKey)
            case "args": args = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("names", names)
        writer.add("action", action)
        writer.add("errnoRet", errnoRet)
        writer.add("args", args)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A condition on one syscall argument.
public struct LinuxSeccompArg: Sendable, Hashable, Codable {
    /// The argument index, 0 to 5.
    public var index: UInt
    /// The value compared against.
    public var value: UInt64
    /// The second value, for `SCMP_CMP_MASKED_EQ`.
    public var valueTwo: UInt64?
    /// The comparison, `SCMP_CMP_*`.
    public var op: String
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        index: UInt = 0,
        value: UInt64 = 0,
        valueTwo: UInt64? = nil,
        op: String = "",
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.index = index
        self.value = value
        self.valueTwo = valueTwo
        self.op = op
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxSeccompArg.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxSeccompArg: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "index": index = try reader.decode(jsonKey) ?? 0
            case "value": value = try reader.decode(jsonKey) ?? 0
            case "valueTwo": valueTwo = try reader.decode(jsonKey)
            case "op": op = try reader.decode(jsonKey) ?? ""
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("index", index)
        writer.add("value", value)
        writer.add("valueTwo", valueTwo)
        writer.add("op", op)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
