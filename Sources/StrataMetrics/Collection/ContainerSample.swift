import StrataRuntimeClient
import StrataCgroups

/// How many processes a cgroup holds and how many are blocked in state D.
public struct TaskStates: Sendable, Equatable {
    public var total: Int
    public var blocked: Int

    public init(total: Int, blocked: Int) {
        self.total = total
        self.blocked = blocked
    }
}

/// Everything read about one container at one instant. Rates (CPU %, throttling per
/// interval) come from two samples; see `ContainerUsage`.
public struct ContainerSample: Sendable {
    public var container: ListedContainer
    /// The cgroup path (cAdvisor's `id` label).
    public var cgroup: String
    public var stats: CgroupStats
    public var limits: ResourceLimits
    public var events: LimitEvents
    /// v2 only.
    public var pressure: Pressure?
    /// CLOCK_MONOTONIC nanoseconds when the sample was taken.
    public var time: UInt64
    /// Processes in the cgroup, and how many of them sleep uninterruptibly (state D,
    /// nearly always waiting for I/O): v1 has no I/O pressure file, so this is the sign
    /// there. Only read when asked (`Sampler.forAnalysis`), not per scrape.
    public var tasks: TaskStates?

    public init(container: ListedContainer, cgroup: String, stats: CgroupStats, limits: ResourceLimits,
                events: LimitEvents, pressure: Pressure?, time: UInt64) {
        self.container = container
        self.cgroup = cgroup
        self.stats = stats
        self.limits = limits
        self.events = events
        self.pressure = pressure
        self.time = time
    }

    /// Identity across samples: the same id under the same root with the same init.
    public var key: String { container.root + "\u{0}" + container.id + "\u{0}" + String(container.pid) }

    /// Memory in use minus the inactive page cache the kernel can drop at once
    /// (cAdvisor's working set; `docker stats` shows the same as MEM USAGE).
    public var workingSet: UInt64 {
        let raw = stats.memory.raw
        let inactiveFile = raw["total_inactive_file"] ?? raw["inactive_file"] ?? 0
        let usage = stats.memory.usage.usage
        return usage > inactiveFile ? usage - inactiveFile : 0
    }

    /// Bytes read and written, summed over devices.
    public var blockIO: (read: UInt64, write: UInt64) {
        var read: UInt64 = 0
        var write: UInt64 = 0
        for entry in stats.blkio.ioServiceBytesRecursive {
            if entry.op == "Read" { read &+= entry.value }
            if entry.op == "Write" { write &+= entry.value }
        }
        return (read, write)
    }

    /// Bytes received and sent, summed over the namespace's interfaces (loopback excluded).
    public var networkIO: (received: UInt64, sent: UInt64) {
        var rx: UInt64 = 0
        var tx: UInt64 = 0
        for interface in stats.networkInterfaces ?? [] {
            rx &+= interface.rxBytes
            tx &+= interface.txBytes
        }
        return (rx, tx)
    }
}
