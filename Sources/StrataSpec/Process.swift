// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.

/// The process to run in the container.
public struct Process: Sendable, Hashable, Codable {
    /// Whether the process gets a pseudo-terminal.
    public var terminal: Bool?
    /// The terminal size, when `terminal` is set.
    public var consoleSize: Box?
    /// The user the process runs as.
    public var user: User
    /// The executable and arguments, as for execvp(3); required on Linux.
    public var args: [String]?
    /// The full command line (Windows only).
    public var commandLine: String?
    /// Environment as `KEY=value` strings.
    public var env: [String]?
    /// The working directory, an absolute path inside the container.
    public var cwd: String
    /// Capability sets.
    public var capabilities: LinuxCapabilities?
    /// Resource limits applied with setrlimit(2).
    public var rlimits: [POSIXRlimit]?
    /// Whether to set PR_SET_NO_NEW_PRIVS.
    public var noNewPrivileges: Bool?
    /// The AppArmor profile to apply.
    public var apparmorProfile: String?
    /// The value for /proc/self/oom_score_adj.
    public var oomScoreAdj: Int?
    /// The scheduling policy, applied with sched_setattr(2).
    public var scheduler: Scheduler?
    /// The SELinux label of the process.
    public var selinuxLabel: String?
    /// The I/O priority, applied with ioprio_set(2).
    public var ioPriority: LinuxIOPriority?
    /// CPU affinity for `exec`ed processes.
    public var execCPUAffinity: CPUAffinity?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        terminal: Bool? = nil,
        consoleSize: Box? = nil,
        user: User = User(),
        args: [String]? = nil,
        commandLine: String? = nil,
        env: [String]? = nil,
        cwd: String = "",
        capabilities: LinuxCapabilities? = nil,
        rlimits: [POSIXRlimit]? = nil,
        noNewPrivileges: Bool? = nil,
        apparmorProfile: String? = nil,
        oomScoreAdj: Int? = nil,
        scheduler: Scheduler? = nil,
        selinuxLabel: String? = nil,
        ioPriority: LinuxIOPriority? = nil,
        execCPUAffinity: CPUAffinity? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.terminal = terminal
        self.consoleSize = consoleSize
        self.user = user
        self.args = args
        self.commandLine = commandLine
        self.env = env
        self.cwd = cwd
        self.capabilities = capabilities
        self.rlimits = rlimits
        self.noNewPrivileges = noNewPrivileges
        self.apparmorProfile = apparmorProfile
        self.oomScoreAdj = oomScoreAdj
        self.scheduler = scheduler
        self.selinuxLabel = selinuxLabel
        self.ioPriority = ioPriority
        self.execCPUAffinity = execCPUAffinity
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Process.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Process: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "terminal": terminal = try reader.decode(jsonKey)
            case "consoleSize": consoleSize = try reader.decode(jsonKey)
            case "user": user = try reader.decode(jsonKey) ?? User()
            case "args": args = try reader.decode(jsonKey)
            case "commandLine": commandLine = try reader.decode(jsonKey)
            case "env": env = try reader.decode(jsonKey)
            case "cwd": cwd = try reader.decode(jsonKey) ?? ""
            case "capabilities": capabilities = try reader.decode(jsonKey)
            case "rlimits": rlimits = try reader.decode(jsonKey)
            case "noNewPrivileges": noNewPrivileges = try reader.decode(jsonKey)
            case "apparmorProfile": apparmorProfile = try reader.decode(jsonKey)
            case "oomScoreAdj": oomScoreAdj = try reader.decode(jsonKey)
            case "scheduler": scheduler = try reader.decode(jsonKey)
            case "selinuxLabel": selinuxLabel = try reader.decode(jsonKey)
            case "ioPriority": ioPriority = try reader.decode(jsonKey)
            case "execCPUAffinity": execCPUAffinity = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("terminal", terminal)
        writer.add("consoleSize", consoleSize)
        writer.add("user", user)
        writer.add("args", args)
        writer.add("commandLine", commandLine)
        writer.add("env", env)
        writer.add("cwd", cwd)
        writer.add("capabilities", capabilities)
        writer.add("rlimits", rlimits)
        writer.add("noNewPrivileges", noNewPrivileges)
        writer.add("apparmorProfile", apparmorProfile)
        writer.add("oomScoreAdj", oomScoreAdj)
        writer.add("scheduler", scheduler)
        writer.add("selinuxLabel", selinuxLabel)
        writer.add("ioPriority", ioPriority)
        writer.add("execCPUAffinity", execCPUAffinity)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A terminal size in characters.
public struct Box: Sendable, Hashable, Codable {
    public var height: UInt
    public var width: UInt
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        height: UInt = 0,
        width: UInt = 0,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.height = height
        self.width = width
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Box.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Box: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "height": height = try reader.decode(jsonKey) ?? 0
            case "width": width = try reader.decode(jsonKey) ?? 0
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("height", height)
        writer.add("width", width)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// The identity of the container process.
public struct User: Sendable, Hashable, Codable {
    /// The user id, in the container's user namespace.
    public var uid: UInt32
    /// The group id, in the container's user namespace.
    public var gid: UInt32
    /// The umask; the runtime's default applies when absent.
    public var umask: UInt32?
    /// Supplementary groups.
    public var additionalGids: [UInt32]?
    /// The user name (Windows only).
    public var username: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        uid: UInt32 = 0,
        gid: UInt32 = 0,
        umask: UInt32? = nil,
        additionalGids: [UInt32]? = nil,
        username: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.uid = uid
        self.gid = gid
        self.umask = umask
        self.additionalGids = additionalGids
        self.username = username
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(User.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension User: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "uid": uid = try reader.decode(jsonKey) ?? 0
            case "gid": gid = try reader.decode(jsonKey) ?? 0
            case "umask": umask = try reader.decode(jsonKey)
            case "additionalGids": additionalGids = try reader.decode(jsonKey)
            case "username": username = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("uid", uid)
        writer.add("gid", gid)
        writer.add("umask", umask)
        writer.add("additionalGids", additionalGids)
        writer.add("username", username)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Capability sets of the process; each holds names such as `CAP_KILL`.
public struct LinuxCapabilities: Sendable, Hashable, Codable {
    public var bounding: [String]?
    public var effective: [String]?
    public var inheritable: [String]?
    public var permitted: [String]?
    public var ambient: [String]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        bounding: [String]? = nil,
        effective: [String]? = nil,
        inheritable: [String]? = nil,
        permitted: [String]? = nil,
        ambient: [String]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.bounding = bounding
        self.effective = effective
        self.inheritable = inheritable
        self.permitted = permitted
        self.ambient = ambient
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxCapabilities.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxCapabilities: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "bounding": bounding = try reader.decode(jsonKey)
            case "effective": effective = try reader.decode(jsonKey)
            case "inheritable": inheritable = try reader.decode(jsonKey)
            case "permitted": permitted = try reader.decode(jsonKey)
            case "ambient": ambient = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("bounding", bounding)
        writer.add("effective", effective)
        writer.add("inheritable", inheritable)
        writer.add("permitted", permitted)
        writer.add("ambient", ambient)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A resource limit.
public struct POSIXRlimit: Sendable, Hashable, Codable {
    /// The limit, `RLIMIT_NOFILE` and the like.
    public var type: String
    /// The ceiling for the soft limit.
    public var hard: UInt64
    /// The limit the kernel enforces.
    public var soft: UInt64
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        type: String = "",
        hard: UInt64 = 0,
        soft: UInt64 = 0,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.type = type
        self.hard = hard
        self.soft = soft
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(POSIXRlimit.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension POSIXRlimit: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "type": type = try reader.decode(jsonKey) ?? ""
            case "hard": hard = try reader.decode(jsonKey) ?? 0
            case "soft": soft = try reader.decode(jsonKey) ?? 0
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("type", type)
        writer.add("hard", hard)
        writer.add("soft", soft)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Scheduling attributes of the process (sched_setattr(2)).
public struct Scheduler: Sendable, Hashable, Codable {
    /// `SCHED_OTHER`, `SCHED_FIFO`, `SCHED_RR`, `SCHED_BATCH`, `SCHED_ISO`, `SCHED_IDLE` or
    /// `SCHED_DEADLINE`.
    public var policy: String
    /// The nice value for SCHED_OTHER and SCHED_BATCH.
    public var nice: Int32?
    /// The static priority for SCHED_FIFO and SCHED_RR.
    public var priority: Int32?
    /// `SCHED_FLAG_*` names.
    public var flags: [String]?
    /// SCHED_DEADLINE runtime, in nanoseconds.
    public var runtime: UInt64?
    /// SCHED_DEADLINE deadline, in nanoseconds.
    public var deadline: UInt64?
    /// SCHED_DEADLINE period, in nanoseconds.
    public var period: UInt64?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        policy: String = "",
        nice: Int32? = nil,
        priority: Int32? = nil,
        flags: [String]? = nil,
        runtime: UInt64? = nil,
        deadline: UInt64? = nil,
        period: UInt64? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.policy = policy
        self.nice = nice
        self.priority = priority
        self.flags = flags
        self.runtime = runtime
        self.deadline = deadline
        self.period = period
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(Scheduler.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension Scheduler: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "policy": policy = try reader.decode(jsonKey) ?? ""
            case "nice": nice = try reader.decode(jsonKey)
            case "priority": priority = try reader.decode(jsonKey)
            case "flags": flags = try reader.decode(jsonKey)
            case "runtime": runtime = try reader.decode(jsonKey)
            case "deadline": deadline = try reader.decode(jsonKey)
            case "period": period = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("policy", policy)
        writer.add("nice", nice)
        writer.add("priority", priority)
        writer.add("flags", flags)
        writer.add("runtime", runtime)
        writer.add("deadline", deadline)
        writer.add("period", period)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// The I/O scheduling class and priority of the process.
public struct LinuxIOPriority: Sendable, Hashable, Codable {
    /// `IOPRIO_CLASS_RT`, `IOPRIO_CLASS_BE` or `IOPRIO_CLASS_IDLE`.
    public var `class`: String
    /// The priority within the class, 0 (highest) to 7.
    public var priority: Int
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        `class`: String = "",
        priority: Int = 0,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.`class` = `class`
        self.priority = priority
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxIOPriority.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxIOPriority: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "class": `class` = try reader.decode(jsonKey) ?? ""
            case "priority": priority = try reader.decode(jsonKey) ?? 0
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("class", `class`)
        writer.add("priority", priority)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// CPU affinity for processes joining the container.
public struct CPUAffinity: Sendable, Hashable, Codable {
    /// CPUs for the process before it joins the container's cgroup, as a list such as `0-3,7`.
    public var initial: String?
    /// CPUs for the process after it joins the cgroup.
    public var final: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        initial: String? = nil,
        final: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.initial = initial
        self.final = final
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(CPUAffinity.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension CPUAffinity: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "initial": initial = try reader.decode(jsonKey)
            case "final": final = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("initial", initial)
        writer.add("final", final)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
