/// A container's resource usage, in the shape of runc's `types.Stats`, which `runc events`
/// prints and containerd and Docker decode. Times are nanoseconds, sizes bytes.
///
/// Fields a host cannot report stay zero or empty; the JSON encoder then omits them the
/// way runc's `omitempty` tags do, so both runtimes print the same keys for the same host.
public struct CgroupStats: Sendable, Equatable {
    public var cpu = CPU()
    public var cpuset = CPUSet()
    public var memory = Memory()
    public var pids = Pids()
    public var blkio = Blkio()
    /// Keyed by page size as runc names it: "2MB", "1GB".
    public var hugetlb: [String: Hugetlb] = [:]
    /// Interfaces of the container's own network namespace; nil (JSON null) when it has
    /// none besides loopback, or shares the host's.
    public var networkInterfaces: [NetworkInterface]?

    public init() {}

    /// Parts a reader may skip (see the managers' `stats(omitting:)`).
    public struct Omissions: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// v1's cpuset settings (eleven files).
        public static let cpuset = Omissions(rawValue: 1)
        /// v1's memsw, kmem and kmem.tcp families (twelve files).
        public static let kernelMemoryAndSwap = Omissions(rawValue: 2)
        public static let hugetlb = Omissions(rawValue: 4)
    }

    public struct CPU: Sendable, Equatable {
        public var usage = CPUUsage()
        public var throttling = Throttling()
        public init() {}
    }

    public struct CPUUsage: Sendable, Equatable {
        public var total: UInt64 = 0
        /// Per cpu, v1 only (cpuacct.usage_percpu).
        public var percpu: [UInt64] = []
        public var percpuKernel: [UInt64] = []
        public var percpuUser: [UInt64] = []
        public var kernel: UInt64 = 0
        public var user: UInt64 = 0
        public init() {}
    }

    public struct Throttling: Sendable, Equatable {
        public var periods: UInt64 = 0
        public var throttledPeriods: UInt64 = 0
        /// Nanoseconds.
        public var throttledTime: UInt64 = 0
        public init() {}
    }

    /// The v1 cpuset controller's settings; v2 reports none (as runc 1.1 does).
    public struct CPUSet: Sendable, Equatable {
        public var cpus: [UInt16] = []
        public var cpuExclusive: UInt64 = 0
        public var mems: [UInt16] = []
        public var memHardwall: UInt64 = 0
        public var memExclusive: UInt64 = 0
        public var memoryMigrate: UInt64 = 0
        public var memorySpreadPage: UInt64 = 0
        public var memorySpreadSlab: UInt64 = 0
        public var memoryPressure: UInt64 = 0
        public var schedLoadBalance: UInt64 = 0
        public var schedRelaxDomainLevel: Int64 = 0
        public init() {}
    }

    /// One memory counter family: usage, peak, limit and how often the limit was hit.
    public struct MemoryEntry: Sendable, Equatable {
        public var limit: UInt64 = 0
        public var usage: UInt64 = 0
        public var max: UInt64 = 0
        public var failcnt: UInt64 = 0
        public init(limit: UInt64 = 0, usage: UInt64 = 0, max: UInt64 = 0, failcnt: UInt64 = 0) {
            self.limit = limit
            self.usage = usage
            self.max = max
            self.failcnt = failcnt
        }
    }

    public struct Memory: Sendable, Equatable {
        /// Page cache: `cache` of v1's memory.stat, `file` of v2's.
        public var cache: UInt64 = 0
        public var usage = MemoryEntry()
        /// Memory plus swap, on v2 too (runc adds memory.current to memory.swap.current).
        public var swap = MemoryEntry()
        public var kernel = MemoryEntry()
        public var kernelTCP = MemoryEntry()
        /// Every line of memory.stat.
        public var raw: [String: UInt64] = [:]
        public init() {}
    }

    public struct Pids: Sendable, Equatable {
        public var current: UInt64 = 0
        /// 0 when unlimited.
        public var limit: UInt64 = 0
        public init() {}
    }

    /// One line of a blkio file, or one key of v2's io.stat mapped to v1's names.
    public struct BlkioEntry: Sendable, Equatable {
        public var major: UInt64
        public var minor: UInt64
        /// "Read", "Write", "Sync", "Async", "Discard", "Total", or "" for files without one.
        public var op: String
        public var value: UInt64
        public init(major: UInt64, minor: UInt64, op: String, value: UInt64) {
            self.major = major
            self.minor = minor
            self.op = op
            self.value = value
        }
    }

    public struct Blkio: Sendable, Equatable {
        public var ioServiceBytesRecursive: [BlkioEntry] = []
        public var ioServicedRecursive: [BlkioEntry] = []
        public var ioQueuedRecursive: [BlkioEntry] = []
        public var ioServiceTimeRecursive: [BlkioEntry] = []
        public var ioWaitTimeRecursive: [BlkioEntry] = []
        public var ioMergedRecursive: [BlkioEntry] = []
        public var ioTimeRecursive: [BlkioEntry] = []
        public var sectorsRecursive: [BlkioEntry] = []
        public init() {}
    }

    public struct Hugetlb: Sendable, Equatable {
        public var usage: UInt64 = 0
        /// Peak usage (v1 only).
        public var max: UInt64 = 0
        public var failcnt: UInt64 = 0
        public init(usage: UInt64 = 0, max: UInt64 = 0, failcnt: UInt64 = 0) {
            self.usage = usage
            self.max = max
            self.failcnt = failcnt
        }
    }

    /// Counters of one interface, as /proc/PID/net/dev shows them from inside the namespace.
    public struct NetworkInterface: Sendable, Equatable {
        public var name: String
        public var rxBytes: UInt64 = 0
        public var rxPackets: UInt64 = 0
        public var rxErrors: UInt64 = 0
        public var rxDropped: UInt64 = 0
        public var txBytes: UInt64 = 0
        public var txPackets: UInt64 = 0
        public var txErrors: UInt64 = 0
        public var txDropped: UInt64 = 0
        public init(name: String) { self.name = name }
    }
}
