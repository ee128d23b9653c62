/// What a container may use, from its cgroup's limit files. nil means unlimited.
public struct ResourceLimits: Sendable, Equatable {
    /// CFS bandwidth: quota per period, microseconds (cpu.cfs_quota_us / cpu.max).
    public var cpuQuota: UInt64?
    public var cpuPeriod: UInt64 = 100_000
    /// CPUs of the cpuset the container may run on.
    public var cpusetCount: Int?
    /// Bytes (memory.limit_in_bytes / memory.max).
    public var memory: UInt64?
    /// Processes and threads (pids.max).
    public var pids: UInt64?
    /// Per-device throttles (blkio.throttle.* / io.max); read for the analysis only.
    public var io: [IOLimit] = []

    public init() {}

    /// CPUs the quota allows (0.5 for 50 ms every 100 ms).
    public var quotaCPUs: Double? {
        guard let cpuQuota, cpuPeriod > 0 else { return nil }
        return Double(cpuQuota) / Double(cpuPeriod)
    }
}

/// Throttles of one block device "MAJOR:MINOR"; nil where unset.
public struct IOLimit: Sendable, Equatable {
    public var device: String
    public var readBytesPerSecond: UInt64?
    public var writeBytesPerSecond: UInt64?
    public var readIOPerSecond: UInt64?
    public var writeIOPerSecond: UInt64?

    public init(device: String) { self.device = device }
}

/// Counts of limit events since the cgroup was made.
public struct LimitEvents: Sendable, Equatable {
    /// Processes the OOM killer killed in the cgroup (memory.oom_control / memory.events "oom_kill").
    public var oomKills: UInt64 = 0
    /// Times usage hit the memory limit and had to be reclaimed (v1 memory.failcnt, v2 "max").
    public var memoryLimitHits: UInt64 = 0
    /// Times usage went over memory.high and was throttled into reclaim (v2 only).
    public var memoryHighHits: UInt64 = 0
    /// Forks refused by pids.max (pids.events "max").
    public var pidsLimitHits: UInt64 = 0

    public init() {}
}
