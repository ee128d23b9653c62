import StrataCgroups

/// The figures `strata stats` shows for one container, from its latest sample and, for
/// rates, the one before it.
///
/// CPU % is CPU time over wall time ×100, so one busy CPU is 100% and two are 200%
/// (docker's convention). Efficiency is the share of the CPU the container may use that it
/// did use: CPUs used over CPUs allowed, where allowed is the quota (quota/period), else the
/// cpuset's CPUs, else the host's online CPUs. 100% means the container ran flat out against
/// its allowance; a low figure on a throttled container means the quota is not the problem.
public struct ContainerUsage: Sendable {
    public var sample: ContainerSample
    /// Wall time between the two samples, seconds; nil for a first sample.
    public var interval: Double?
    public var cpuPercent: Double?
    public var cpusAllowed: Double
    public var efficiency: Double?
    /// CFS periods and throttled periods within the interval (lifetime counts for a first sample).
    public var periods: UInt64
    public var throttledPeriods: UInt64
    public var memoryUsage: UInt64
    /// The limit, or the host's memory when there is none.
    public var memoryLimit: UInt64
    public var memoryPercent: Double
    /// Changes over the interval (zero for a first sample).
    public var deltas: LimitEventDeltas
    /// Bytes per second read and written per device "MAJOR:MINOR" over the interval.
    public var ioRates: [String: IORate]

    public init(previous: ContainerSample?, current: ContainerSample, host: HostInfo) {
        sample = current
        let usable = previous.flatMap { $0.key == current.key && current.time > $0.time ? $0 : nil }
        let cpu = current.stats.cpu
        var allowed = Double(host.onlineCPUs)
        if let count = current.limits.cpusetCount { allowed = min(allowed, Double(count)) }
        if let quota = current.limits.quotaCPUs { allowed = min(allowed, quota) }
        cpusAllowed = allowed
        memoryUsage = current.workingSet
        memoryLimit = current.limits.memory.map { host.memoryTotal > 0 ? min($0, host.memoryTotal) : $0 } ?? host.memoryTotal
        memoryPercent = memoryLimit > 0 ? Double(memoryUsage) / Double(memoryLimit) * 100 : 0
        ioRates = [:]
        guard let previous = usable else {
            interval = nil
            periods = cpu.throttling.periods
            throttledPeriods = cpu.throttling.throttledPeriods
            deltas = LimitEventDeltas(previous: current.events, current: current.events)
            return
        }
        let seconds = Double(current.time - previous.time) / 1e9
        interval = seconds
        let used = Double(Self.delta(previous.stats.cpu.usage.total, cpu.usage.total)) / 1e9 / seconds
        cpuPercent = used * 100
        efficiency = allowed > 0 ? used / allowed * 100 : nil
        periods = Self.delta(previous.stats.cpu.throttling.periods, cpu.throttling.periods)
        throttledPeriods = Self.delta(previous.stats.cpu.throttling.throttledPeriods, cpu.throttling.throttledPeriods)
        deltas = LimitEventDeltas(previous: previous.events, current: current.events)
        ioRates = Self.rates(previous.stats.blkio, current.stats.blkio, seconds: seconds)
    }

    /// Counters only grow; a smaller value means the cgroup was recreated.
    static func delta(_ old: UInt64, _ new: UInt64) -> UInt64 { new >= old ? new - old : new }

    static func rates(_ old: CgroupStats.Blkio, _ new: CgroupStats.Blkio, seconds: Double)
        -> [String: IORate] {
        func totals(_ entries: [CgroupStats.BlkioEntry]) -> [String: (read: UInt64, write: UInt64)] {
            var out: [String: (read: UInt64, write: UInt64)] = [:]
            for entry in entries {
                let device = "\(entry.major):\(entry.minor)"
                if entry.op == "Read" { out[device, default: (0, 0)].read &+= entry.value }
                if entry.op == "Write" { out[device, default: (0, 0)].write &+= entry.value }
            }
            return out
        }
        let (oldBytes, newBytes) = (totals(old.ioServiceBytesRecursive), totals(new.ioServiceBytesRecursive))
        let (oldOps, newOps) = (totals(old.ioServicedRecursive), totals(new.ioServicedRecursive))
        var out: [String: IORate] = [:]
        for device in Set(newBytes.keys).union(newOps.keys) {
            let bytes = newBytes[device] ?? (0, 0), before = oldBytes[device] ?? (0, 0)
            let ops = newOps[device] ?? (0, 0), opsBefore = oldOps[device] ?? (0, 0)
            out[device] = IORate(read: Double(delta(before.read, bytes.read)) / seconds,
                                 write: Double(delta(before.write, bytes.write)) / seconds,
                                 readOps: Double(delta(opsBefore.read, ops.read)) / seconds,
                                 writeOps: Double(delta(opsBefore.write, ops.write)) / seconds)
        }
        return out
    }
}

/// Block I/O of one device over an interval: bytes and operations per second.
public struct IORate: Sendable, Equatable {
    public var read: Double
    public var write: Double
    public var readOps: Double
    public var writeOps: Double
}

/// How many limit events happened between two samples.
public struct LimitEventDeltas: Sendable, Equatable {
    public var oomKills: UInt64
    public var memoryLimitHits: UInt64
    public var memoryHighHits: UInt64
    public var pidsLimitHits: UInt64

    init(previous: LimitEvents, current: LimitEvents) {
        oomKills = ContainerUsage.delta(previous.oomKills, current.oomKills)
        memoryLimitHits = ContainerUsage.delta(previous.memoryLimitHits, current.memoryLimitHits)
        memoryHighHits = ContainerUsage.delta(previous.memoryHighHits, current.memoryHighHits)
        pidsLimitHits = ContainerUsage.delta(previous.pidsLimitHits, current.pidsLimitHits)
    }
}
