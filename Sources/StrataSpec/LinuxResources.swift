// Generated from a field table mirroring runtime-spec specs-go; member order is Go's, so output reads like runc's.

/// Cgroup resource limits of the container.
public struct LinuxResources: Sendable, Hashable, Codable {
    /// Device access rules, applied in order.
    public var devices: [LinuxDeviceCgroup]?
    /// Memory limits.
    public var memory: LinuxMemory?
    /// CPU limits.
    public var cpu: LinuxCPU?
    /// Task count limit.
    public var pids: LinuxPids?
    /// Block I/O limits.
    public var blockIO: LinuxBlockIO?
    /// Hugetlb limits.
    public var hugepageLimits: [LinuxHugepageLimit]?
    /// net_cls and net_prio settings.
    public var network: LinuxNetwork?
    /// RDMA limits, keyed by device name.
    public var rdma: [String:LinuxRdma]?
    /// Raw cgroup v2 files to write, keyed by file name.
    public var unified: [String:String]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        devices: [LinuxDeviceCgroup]? = nil,
        memory: LinuxMemory? = nil,
        cpu: LinuxCPU? = nil,
        pids: LinuxPids? = nil,
        blockIO: LinuxBlockIO? = nil,
        hugepageLimits: [LinuxHugepageLimit]? = nil,
        network: LinuxNetwork? = nil,
        rdma: [String:LinuxRdma]? = nil,
        unified: [String:String]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.devices = devices
        self.memory = memory
        self.cpu = cpu
        self.pids = pids
        self.blockIO = blockIO
        self.hugepageLimits = hugepageLimits
        self.network = network
        self.rdma = rdma
        self.unified = unified
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxResources.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxResources: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "devices": devices = try reader.decode(jsonKey)
            case "memory": memory = try reader.decode(jsonKey)
            case "cpu": cpu = try reader.decode(jsonKey)
            case "pids": pids = try reader.decode(jsonKey)
            case "blockIO": blockIO = try reader.decode(jsonKey)
            case "hugepageLimits": hugepageLimits = try reader.decode(jsonKey)
            case "network": network = try reader.decode(jsonKey)
            case "rdma": rdma = try reader.decode(jsonKey)
            case "unified": unified = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("devices", devices)
        writer.add("memory", memory)
        writer.add("cpu", cpu)
        writer.add("pids", pids)
        writer.add("blockIO", blockIO)
        writer.add("hugepageLimits", hugepageLimits)
        writer.add("network", network)
        writer.add("rdma", rdma)
        writer.add("unified", unified)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A device access rule of the devices cgroup.
public struct LinuxDeviceCgroup: Sendable, Hashable, Codable {
    /// Whether the rule allows or denies.
    public var allow: Bool
    /// `a` (all), `c` or `b`.
    public var type: String?
    /// The major number; all when absent.
    public var major: Int64?
    /// The minor number; all when absent.
    public var minor: Int64?
    /// Any of `r`, `w`, `m`.
    public var access: String?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        allow: Bool = false,
        type: String? = nil,
        major: Int64? = nil,
        minor: Int64? = nil,
        access: String? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.allow = allow
        self.type = type
        self.major = major
        self.minor = minor
        self.access = access
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxDeviceCgroup.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxDeviceCgroup: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "allow": allow = try reader.decode(jsonKey) ?? false
            case "type": type = try reader.decode(jsonKey)
            case "major": major = try reader.decode(jsonKey)
            case "minor": minor = try reader.decode(jsonKey)
            case "access": access = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("allow", allow)
        writer.add("type", type)
        writer.add("major", major)
        writer.add("minor", minor)
        writer.add("access", access)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Memory cgroup limits, in bytes unless stated.
public struct LinuxMemory: Sendable, Hashable, Codable {
    /// The memory limit; -1 for unlimited.
    public var limit: Int64?
    /// The soft limit.
    public var reservation: Int64?
    /// The memory plus swap limit.
    public var swap: Int64?
    /// Deprecated kernel memory limit.
    public var kernel: Int64?
    /// Kernel TCP buffer limit.
    public var kernelTCP: Int64?
    /// Swappiness, 0 to 100.
    public var swappiness: UInt64?
    /// Whether to disable the OOM killer.
    public var disableOOMKiller: Bool?
    /// Whether to enable hierarchical accounting (v1).
    public var useHierarchy: Bool?
    /// Whether to refuse lowering the limit below current usage.
    public var checkBeforeUpdate: Bool?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        limit: Int64? = nil,
        reservation: Int64? = nil,
        swap: Int64? = nil,
        kernel: Int64? = nil,
        kernelTCP: Int64? = nil,
        swappiness: UInt64? = nil,
        disableOOMKiller: Bool? = nil,
        useHierarchy: Bool? = nil,
        checkBeforeUpdate: Bool? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.limit = limit
        self.reservation = reservation
        self.swap = swap
        self.kernel = kernel
        self.kernelTCP = kernelTCP
        self.swappiness = swappiness
        self.disableOOMKiller = disableOOMKiller
        self.useHierarchy = useHierarchy
        self.checkBeforeUpdate = checkBeforeUpdate
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxMemory.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxMemory: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "limit": limit = try reader.decode(jsonKey)
            case "reservation": reservation = try reader.decode(jsonKey)
            case "swap": swap = try reader.decode(jsonKey)
            case "kernel": kernel = try reader.decode(jsonKey)
            case "kernelTCP": kernelTCP = try reader.decode(jsonKey)
            case "swappiness": swappiness = try reader.decode(jsonKey)
            case "disableOOMKiller": disableOOMKiller = try reader.decode(jsonKey)
            case "useHierarchy": useHierarchy = try reader.decode(jsonKey)
            case "checkBeforeUpdate": checkBeforeUpdate = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("limit", limit)
        writer.add("reservation", reservation)
        writer.add("swap", swap)
        writer.add("kernel", kernel)
        writer.add("kernelTCP", kernelTCP)
        writer.add("swappiness", swappiness)
        writer.add("disableOOMKiller", disableOOMKiller)
        writer.add("useHierarchy", useHierarchy)
        writer.add("checkBeforeUpdate", checkBeforeUpdate)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// CPU cgroup settings.
public struct LinuxCPU: Sendable, Hashable, Codable {
    /// The relative weight (v1 shares).
    public var shares: UInt64?
    /// Allowed time per period, in microseconds.
    public var quota: Int64?
    /// Burst time per period, in microseconds.
    public var burst: UInt64?
    /// The CFS period, in microseconds.
    public var period: UInt64?
    /// Realtime runtime per period, in microseconds.
    public var realtimeRuntime: Int64?
    /// The realtime period, in microseconds.
    public var realtimePeriod: UInt64?
    /// The CPUs allowed, such as `0-3,7`.
    public var cpus: String?
    /// The memory nodes allowed.
    public var mems: String?
    /// Whether the cgroup uses SCHED_IDLE (1) or not (0).
    public var idle: Int64?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        shares: UInt64? = nil,
        quota: Int64? = nil,
        burst: UInt64? = nil,
        period: UInt64? = nil,
        realtimeRuntime: Int64? = nil,
        realtimePeriod: UInt64? = nil,
        cpus: String? = nil,
        mems: String? = nil,
        idle: Int64? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.shares = shares
        self.quota = quota
        self.burst = burst
        self.period = period
        self.realtimeRuntime = realtimeRuntime
        self.realtimePeriod = realtimePeriod
        self.cpus = cpus
        self.mems = mems
        self.idle = idle
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxCPU.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxCPU: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "shares": shares = try reader.decode(jsonKey)
            case "quota": quota = try reader.decode(jsonKey)
            case "burst": burst = try reader.decode(jsonKey)
            case "period": period = try reader.decode(jsonKey)
            case "realtimeRuntime": realtimeRuntime = try reader.decode(jsonKey)
            case "realtimePeriod": realtimePeriod = try reader.decode(jsonKey)
            case "cpus": cpus = try reader.decode(jsonKey)
            case "mems": mems = try reader.decode(jsonKey)
            case "idle": idle = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("shares", shares)
        writer.add("quota", quota)
        writer.add("burst", burst)
        writer.add("period", period)
        writer.add("realtimeRuntime", realtimeRuntime)
        writer.add("realtimePeriod", realtimePeriod)
        writer.add("cpus", cpus)
        writer.add("mems", mems)
        writer.add("idle", idle)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// The pids cgroup limit.
public struct LinuxPids: Sendable, Hashable, Codable {
    /// The maximum number of tasks; -1 or 0 for unlimited.
    public var limit: Int64
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        limit: Int64 = 0,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.limit = limit
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxPids.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxPids: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "limit": limit = try reader.decode(jsonKey) ?? 0
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("limit", limit)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// Block I/O cgroup settings.
public struct LinuxBlockIO: Sendable, Hashable, Codable {
    /// The default weight, 10 to 1000.
    public var weight: UInt16?
    /// The weight for the cgroup's own tasks (v1).
    public var leafWeight: UInt16?
    /// Per-device weights.
    public var weightDevice: [LinuxWeightDevice]?
    /// Per-device read bytes per second.
    public var throttleReadBpsDevice: [LinuxThrottleDevice]?
    /// Per-device write bytes per second.
    public var throttleWriteBpsDevice: [LinuxThrottleDevice]?
    /// Per-device read operations per second.
    public var throttleReadIOPSDevice: [LinuxThrottleDevice]?
    /// Per-device write operations per second.
    public var throttleWriteIOPSDevice: [LinuxThrottleDevice]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        weight: UInt16? = nil,
        leafWeight: UInt16? = nil,
        weightDevice: [LinuxWeightDevice]? = nil,
        throttleReadBpsDevice: [LinuxThrottleDevice]? = nil,
        throttleWriteBpsDevice: [LinuxThrottleDevice]? = nil,
        throttleReadIOPSDevice: [LinuxThrottleDevice]? = nil,
        throttleWriteIOPSDevice: [LinuxThrottleDevice]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.weight = weight
        self.leafWeight = leafWeight
        self.weightDevice = weightDevice
        self.throttleReadBpsDevice = throttleReadBpsDevice
        self.throttleWriteBpsDevice = throttleWriteBpsDevice
        self.throttleReadIOPSDevice = throttleReadIOPSDevice
        self.throttleWriteIOPSDevice = throttleWriteIOPSDevice
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxBlockIO.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxBlockIO: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "weight": weight = try reader.decode(jsonKey)
            case "leafWeight": leafWeight = try reader.decode(jsonKey)
            case "weightDevice": weightDevice = try reader.decode(jsonKey)
            case "throttleReadBpsDevice": throttleReadBpsDevice = try reader.decode(jsonKey)
            case "throttleWriteBpsDevice": throttleWriteBpsDevice = try reader.decode(jsonKey)
            case "throttleReadIOPSDevice": throttleReadIOPSDevice = try reader.decode(jsonKey)
            case "throttleWriteIOPSDevice": throttleWriteIOPSDevice = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("weight", weight)
        writer.add("leafWeight", leafWeight)
        writer.add("weightDevice", weightDevice)
        writer.add("throttleReadBpsDevice", throttleReadBpsDevice)
        writer.add("throttleWriteBpsDevice", throttleWriteBpsDevice)
        writer.add("throttleReadIOPSDevice", throttleReadIOPSDevice)
        writer.add("throttleWriteIOPSDevice", throttleWriteIOPSDevice)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A per-device block I/O weight.
public struct LinuxWeightDevice: Sendable, Hashable, Codable {
    public var major: Int64
    public var minor: Int64
    public var weight: UInt16?
    public var leafWeight: UInt16?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        major: Int64 = 0,
        minor: Int64 = 0,
        weight: UInt16? = nil,
        leafWeight: UInt16? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.major = major
        self.minor = minor
        self.weight = weight
        self.leafWeight = leafWeight
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxWeightDevice.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxWeightDevice: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "major": major = try reader.decode(jsonKey) ?? 0
            case "minor": minor = try reader.decode(jsonKey) ?? 0
            case "weight": weight = try reader.decode(jsonKey)
            case "leafWeight": leafWeight = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("major", major)
        writer.add("minor", minor)
        writer.add("weight", weight)
        writer.add("leafWeight", leafWeight)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A per-device block I/O rate limit.
public struct LinuxThrottleDevice: Sendable, Hashable, Codable {
    public var major: Int64
    public var minor: Int64
    public var rate: UInt64
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        major: Int64 = 0,
        minor: Int64 = 0,
        rate: UInt64 = 0,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.major = major
        self.minor = minor
        self.rate = rate
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxThrottleDevice.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxThrottleDevice: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "major": major = try reader.decode(jsonKey) ?? 0
            case "minor": minor = try reader.decode(jsonKey) ?? 0
            case "rate": rate = try reader.decode(jsonKey) ?? 0
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("major", major)
        writer.add("minor", minor)
        writer.add("rate", rate)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A hugetlb limit for one page size.
public struct LinuxHugepageLimit: Sendable, Hashable, Codable {
    /// The page size, such as `2MB`.
    public var pageSize: String
    /// The limit in bytes.
    public var limit: UInt64
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        pageSize: String = "",
        limit: UInt64 = 0,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.pageSize = pageSize
        self.limit = limit
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxHugepageLimit.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxHugepageLimit: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "pageSize": pageSize = try reader.decode(jsonKey) ?? ""
            case "limit": limit = try reader.decode(jsonKey) ?? 0
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("pageSize", pageSize)
        writer.add("limit", limit)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// net_cls and net_prio settings.
public struct LinuxNetwork: Sendable, Hashable, Codable {
    /// The class id for net_cls.
    public var classID: UInt32?
    /// Per-interface priorities for net_prio.
    public var priorities: [LinuxInterfacePriority]?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        classID: UInt32? = nil,
        priorities: [LinuxInterfacePriority]? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.classID = classID
        self.priorities = priorities
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxNetwork.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxNetwork: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "classID": classID = try reader.decode(jsonKey)
            case "priorities": priorities = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("classID", classID)
        writer.add("priorities", priorities)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// A net_prio priority for one interface.
public struct LinuxInterfacePriority: Sendable, Hashable, Codable {
    public var name: String
    public var priority: UInt32
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        name: String = "",
        priority: UInt32 = 0,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.name = name
        self.priority = priority
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxInterfacePriority.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxInterfacePriority: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "name": name = try reader.decode(jsonKey) ?? ""
            case "priority": priority = try reader.decode(jsonKey) ?? 0
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("name", name)
        writer.add("priority", priority)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}

/// RDMA cgroup limits for one device.
public struct LinuxRdma: Sendable, Hashable, Codable {
    public var hcaHandles: UInt32?
    public var hcaObjects: UInt32?
    /// Members this version does not know, kept so the document round-trips unchanged.
    public var unknownFields: [String: JSONValue]

    public init(
        hcaHandles: UInt32? = nil,
        hcaObjects: UInt32? = nil,
        unknownFields: [String: JSONValue] = [:]
    ) {
        self.hcaHandles = hcaHandles
        self.hcaObjects = hcaObjects
        self.unknownFields = unknownFields
    }

    public init(from decoder: any Decoder) throws {
        self = try decodeModel(LinuxRdma.self, from: decoder)
    }

    public func encode(to encoder: any Encoder) throws {
        try jsonOutput.encode(to: encoder)
    }
}

extension LinuxRdma: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) {
        self.init()
        var cursor = try reader.beginObject()
        while let jsonKey = try reader.nextKey(in: &cursor) {
            switch jsonKey {
            case "hcaHandles": hcaHandles = try reader.decode(jsonKey)
            case "hcaObjects": hcaObjects = try reader.decode(jsonKey)
            default: unknownFields[jsonKey] = try reader.readValue()
            }
        }
    }

    var jsonOutput: JSONOutput {
        var writer = ObjectWriter()
        writer.add("hcaHandles", hcaHandles)
        writer.add("hcaObjects", hcaObjects)
        writer.addUnknown(unknownFields)
        return writer.output
    }
}
