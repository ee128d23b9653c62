/// Resource limits for one cgroup, independent of the cgroup version. Field names and
/// units follow OCI `linux.resources` so the runtime's mapping is one-to-one; `nil` means
/// "leave as is".
public struct CgroupResources: Sendable, Equatable {
    public struct Memory: Sendable, Equatable {
        /// Bytes; -1 for unlimited.
        public var limit: Int64?
        /// Soft limit in bytes (v1 soft_limit_in_bytes, v2 memory.low); -1 for unlimited.
        public var reservation: Int64?
        /// Memory plus swap in bytes, as in v1; -1 for unlimited. v2 gets `swap - limit`.
        public var swap: Int64?
        /// 0...100; v1 only.
        public var swappiness: UInt64?
        /// v1 only (memory.oom_control).
        public var disableOOMKiller: Bool?
        /// v1 only (memory.use_hierarchy); v2 is always hierarchical.
        public var useHierarchy: Bool?

        public init(limit: Int64? = nil, reservation: Int64? = nil, swap: Int64? = nil,
                    swappiness: UInt64? = nil, disableOOMKiller: Bool? = nil, useHierarchy: Bool? = nil) {
            self.useHierarchy = useHierarchy
            self.limit = limit
            self.reservation = reservation
            self.swap = swap
            self.swappiness = swappiness
            self.disableOOMKiller = disableOOMKiller
        }
    }

    public struct CPU: Sendable, Equatable {
        /// Relative weight, v1 scale 2...262144; v2 gets it converted to cpu.weight.
        public var shares: UInt64?
        /// Microseconds per period; -1 (or any value <= 0) for unlimited.
        public var quota: Int64?
        /// Microseconds.
        public var period: UInt64?
        /// Microseconds of accumulated quota a burst may use.
        public var burst: UInt64?
        /// Real-time scheduling budget (v1 only).
        public var realtimeRuntime: Int64?
        public var realtimePeriod: UInt64?
        /// cpuset list syntax, e.g. "0-2,5".
        public var cpus: String?
        public var mems: String?
        /// 1 makes the cgroup SCHED_IDLE.
        public var idle: Int64?

        public init(shares: UInt64? = nil, quota: Int64? = nil, period: UInt64? = nil,
                    burst: UInt64? = nil, realtimeRuntime: Int64? = nil, realtimePeriod: UInt64? = nil,
                    cpus: String? = nil, mems: String? = nil, idle: Int64? = nil) {
            self.shares = shares
            self.quota = quota
            self.period = period
            self.burst = burst
            self.realtimeRuntime = realtimeRuntime
            self.realtimePeriod = realtimePeriod
            self.cpus = cpus
            self.mems = mems
            self.idle = idle
        }
    }

    /// A block device by number.
    public struct DeviceWeight: Sendable, Equatable {
        public var major: Int64
        public var minor: Int64
        public var weight: UInt16?
        public var leafWeight: UInt16?

        public init(major: Int64, minor: Int64, weight: UInt16? = nil, leafWeight: UInt16? = nil) {
            self.major = major
            self.minor = minor
            self.weight = weight
            self.leafWeight = leafWeight
        }
    }

    public struct DeviceRate: Sendable, Equatable {
        public var major: Int64
        public var minor: Int64
        /// Bytes or operations per second; 0 removes the limit.
        public var rate: UInt64

        public init(major: Int64, minor: Int64, rate: UInt64) {
            self.major = major
            self.minor = minor
            self.rate = rate
        }
    }

    public struct BlockIO: Sendable, Equatable {
        /// v1 scale 10...1000; v2 gets it converted to io.weight's 1...10000.
        public var weight: UInt16?
        public var leafWeight: UInt16?
        public var weightDevice: [DeviceWeight]
        public var throttleReadBpsDevice: [DeviceRate]
        public var throttleWriteBpsDevice: [DeviceRate]
        public var throttleReadIOPSDevice: [DeviceRate]
        public var throttleWriteIOPSDevice: [DeviceRate]

        public init(weight: UInt16? = nil, leafWeight: UInt16? = nil, weightDevice: [DeviceWeight] = [],
                    throttleReadBpsDevice: [DeviceRate] = [], throttleWriteBpsDevice: [DeviceRate] = [],
                    throttleReadIOPSDevice: [DeviceRate] = [], throttleWriteIOPSDevice: [DeviceRate] = []) {
            self.weight = weight
            self.leafWeight = leafWeight
            self.weightDevice = weightDevice
            self.throttleReadBpsDevice = throttleReadBpsDevice
            self.throttleWriteBpsDevice = throttleWriteBpsDevice
            self.throttleReadIOPSDevice = throttleReadIOPSDevice
            self.throttleWriteIOPSDevice = throttleWriteIOPSDevice
        }

        var isEmpty: Bool { self == BlockIO() }
    }

    public struct HugepageLimit: Sendable, Equatable {
        /// As the kernel names it in file names: "2MB", "1GB", "64KB".
        public var pageSize: String
        /// Bytes.
        public var limit: UInt64

        public init(pageSize: String, limit: UInt64) {
            self.pageSize = pageSize
            self.limit = limit
        }
    }

    public struct InterfacePriority: Sendable, Equatable {
        public var name: String
        public var priority: UInt32

        public init(name: String, priority: UInt32) {
            self.name = name
            self.priority = priority
        }
    }

    public struct Network: Sendable, Equatable {
        public var classID: UInt32?
        public var priorities: [InterfacePriority]

        public init(classID: UInt32? = nil, priorities: [InterfacePriority] = []) {
            self.classID = classID
            self.priorities = priorities
        }
    }

    public var memory: Memory
    public var cpu: CPU
    /// Maximum number of tasks; negative for unlimited, 0 leaves it as it is (runc).
    public var pidsLimit: Int64?
    public var blockIO: BlockIO
    public var hugepageLimits: [HugepageLimit]
    public var network: Network
    /// Raw v2 files and values (`"memory.high": "1G"`); an error on v1.
    public var unified: [String: String]
    /// Device access rules in order: v1 devices.allow/deny, v2 a BPF_PROG_TYPE_CGROUP_DEVICE
    /// program. Empty leaves the cgroup's device access as it is.
    public var devices: [DeviceRule] = []

    public init(memory: Memory = Memory(), cpu: CPU = CPU(), pidsLimit: Int64? = nil,
                blockIO: BlockIO = BlockIO(), hugepageLimits: [HugepageLimit] = [],
                network: Network = Network(), unified: [String: String] = [:], devices: [DeviceRule] = []) {
        self.devices = devices
        self.memory = memory
        self.cpu = cpu
        self.pidsLimit = pidsLimit
        self.blockIO = blockIO
        self.hugepageLimits = hugepageLimits
        self.network = network
        self.unified = unified
    }
}
