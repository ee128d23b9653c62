import StrataSystem

/// Stats of a v1 container cgroup, read controller by controller as runc's fs manager does.
/// A controller that is not mounted is skipped; so is one whose main file is missing, as
/// runc tolerates; any other failure is an error naming the file.
extension CgroupV1Manager {
    public func stats(omitting omitted: CgroupStats.Omissions) throws(StrataError) -> CgroupStats {
        var stats = CgroupStats()
        do {
            if !omitted.contains(.cpuset), let dir = directory(for: "cpuset") { try V1Stats.cpuset(dir, into: &stats) }
            if let dir = directory(for: "cpu") { try V1Stats.throttling(dir, into: &stats) }
            if let dir = directory(for: "cpuacct") { try V1Stats.cpuacct(dir, into: &stats) }
            if let dir = directory(for: "memory") {
                try V1Stats.memory(dir, withKernelAndSwap: !omitted.contains(.kernelMemoryAndSwap), into: &stats)
            }
            if let dir = directory(for: "pids") { try V1Stats.pids(dir, into: &stats) }
            if let dir = directory(for: "blkio") { try V1Stats.blkio(dir, into: &stats) }
            if !omitted.contains(.hugetlb) {
                if let dir = directory(for: "hugetlb") {
                    try V1Stats.hugetlb(dir, into: &stats)
                } else if let unifiedDirectory {
                    // Hybrid hosts may give hugetlb to the cgroup2 mount instead.
                    try V2Stats.hugetlb(unifiedDirectory, into: &stats)
                }
            }
        } catch {
            throw error.within("read cgroup stats")
        }
        return stats
    }
}

enum V1Stats {
    static func cpuset(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        var set = CgroupStats.CPUSet()
        if let text = try CgroupFiles.readIfPresent(dir, "cpuset.cpus") {
            set.cpus = try StatParsers.cpuList(text, source: dir + "/cpuset.cpus")
        }
        if let text = try CgroupFiles.readIfPresent(dir, "cpuset.mems") {
            set.mems = try StatParsers.cpuList(text, source: dir + "/cpuset.mems")
        }
        set.cpuExclusive = try optionalNumber(dir, "cpuset.cpu_exclusive") ?? 0
        set.memHardwall = try optionalNumber(dir, "cpuset.mem_hardwall") ?? 0
        set.memExclusive = try optionalNumber(dir, "cpuset.mem_exclusive") ?? 0
        set.memoryMigrate = try optionalNumber(dir, "cpuset.memory_migrate") ?? 0
        set.memorySpreadPage = try optionalNumber(dir, "cpuset.memory_spread_page") ?? 0
        set.memorySpreadSlab = try optionalNumber(dir, "cpuset.memory_spread_slab") ?? 0
        set.memoryPressure = try optionalNumber(dir, "cpuset.memory_pressure") ?? 0
        set.schedLoadBalance = try optionalNumber(dir, "cpuset.sched_load_balance") ?? 0
        if let text = try CgroupFiles.readIfPresent(dir, "cpuset.sched_relax_domain_level") {
            guard let level = Int64(text) else { throw StatParsers.malformed(dir + "/cpuset.sched_relax_domain_level", text) }
            set.schedRelaxDomainLevel = level
        }
        stats.cpuset = set
    }

    /// cpu.stat of the cpu controller: CFS throttling (throttled_time already in ns on v1).
    static func throttling(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        guard let text = try CgroupFiles.readIfPresent(dir, "cpu.stat") else { return }
        let values = try StatParsers.keyValues(text, source: dir + "/cpu.stat")
        stats.cpu.throttling.periods = values["nr_periods"] ?? 0
        stats.cpu.throttling.throttledPeriods = values["nr_throttled"] ?? 0
        stats.cpu.throttling.throttledTime = values["throttled_time"] ?? 0
    }

    static func cpuacct(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        guard let statText = try CgroupFiles.readIfPresent(dir, "cpuacct.stat") else { return }
        let (user, system) = try StatParsers.cpuacctStat(statText, source: dir + "/cpuacct.stat")
        stats.cpu.usage.user = user
        stats.cpu.usage.kernel = system
        stats.cpu.usage.total = try number(dir, "cpuacct.usage")
        stats.cpu.usage.percpu = try StatParsers.numbers(try CgroupFiles.read(dir, "cpuacct.usage_percpu"),
                                                         source: dir + "/cpuacct.usage_percpu")
        // usage_all arrived in Linux 4.16; older kernels simply have no per-cpu split.
        if let all = try CgroupFiles.readIfPresent(dir, "cpuacct.usage_all") {
            let split = try StatParsers.usageAll(all, source: dir + "/cpuacct.usage_all")
            stats.cpu.usage.percpuKernel = split.kernel
            stats.cpu.usage.percpuUser = split.user
        }
    }

    static func memory(_ dir: String, withKernelAndSwap: Bool = true, into stats: inout CgroupStats) throws(StrataError) {
        guard let statText = try CgroupFiles.readIfPresent(dir, "memory.stat") else { return }
        stats.memory.raw = try StatParsers.keyValues(statText, source: dir + "/memory.stat")
        stats.memory.cache = stats.memory.raw["cache"] ?? 0
        stats.memory.usage = try memoryEntry(dir, "memory") ?? .init()
        guard withKernelAndSwap else { return }
        // Swap (memsw) and kernel memory (kmem) accounting are optional in the kernel.
        stats.memory.swap = try memoryEntry(dir, "memory.memsw") ?? .init()
        stats.memory.kernel = try memoryEntry(dir, "memory.kmem") ?? .init()
        stats.memory.kernelTCP = try memoryEntry(dir, "memory.kmem.tcp") ?? .init()
    }

    /// PREFIX.usage_in_bytes, .max_usage_in_bytes, .failcnt and .limit_in_bytes; nil when
    /// the family does not exist.
    static func memoryEntry(_ dir: String, _ prefix: String) throws(StrataError) -> CgroupStats.MemoryEntry? {
        guard let usage = try optionalNumber(dir, prefix + ".usage_in_bytes") else { return nil }
        return .init(limit: try number(dir, prefix + ".limit_in_bytes"), usage: usage,
                     max: try number(dir, prefix + ".max_usage_in_bytes"),
                     failcnt: try number(dir, prefix + ".failcnt"))
    }

    static func pids(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        guard let current = try optionalNumber(dir, "pids.current") else { return }
        stats.pids.current = current
        // "max" means no limit, which runc reports as 0.
        let max = try CgroupFiles.read(dir, "pids.max")
        stats.pids.limit = max == "max" ? 0 : try number(dir, "pids.max")
    }

    /// runc's order of preference: BFQ's debug files, BFQ's, CFQ's, then the throttle
    /// layer's recursive and plain files. A group counts only if its first file exists
    /// and is non-empty (an idle cgroup may leave every group empty). Computed, because
    /// key paths are not Sendable and so cannot sit in a static constant.
    static var blkioGroups: [[(file: String, field: WritableKeyPath<CgroupStats.Blkio, [CgroupStats.BlkioEntry]>)]] { [
        [("blkio.bfq.sectors_recursive", \.sectorsRecursive),
         ("blkio.bfq.io_service_time_recursive", \.ioServiceTimeRecursive),
         ("blkio.bfq.io_wait_time_recursive", \.ioWaitTimeRecursive),
         ("blkio.bfq.io_merged_recursive", \.ioMergedRecursive),
         ("blkio.bfq.io_queued_recursive", \.ioQueuedRecursive),
         ("blkio.bfq.time_recursive", \.ioTimeRecursive),
         ("blkio.bfq.io_serviced_recursive", \.ioServicedRecursive),
         ("blkio.bfq.io_service_bytes_recursive", \.ioServiceBytesRecursive)],
        [("blkio.bfq.io_serviced_recursive", \.ioServicedRecursive),
         ("blkio.bfq.io_service_bytes_recursive", \.ioServiceBytesRecursive)],
        [("blkio.sectors_recursive", \.sectorsRecursive),
         ("blkio.io_service_time_recursive", \.ioServiceTimeRecursive),
         ("blkio.io_wait_time_recursive", \.ioWaitTimeRecursive),
         ("blkio.io_merged_recursive", \.ioMergedRecursive),
         ("blkio.io_queued_recursive", \.ioQueuedRecursive),
         ("blkio.time_recursive", \.ioTimeRecursive),
         ("blkio.io_serviced_recursive", \.ioServicedRecursive),
         ("blkio.io_service_bytes_recursive", \.ioServiceBytesRecursive)],
        [("blkio.throttle.io_serviced_recursive", \.ioServicedRecursive),
         ("blkio.throttle.io_service_bytes_recursive", \.ioServiceBytesRecursive)],
        [("blkio.throttle.io_serviced", \.ioServicedRecursive),
         ("blkio.throttle.io_service_bytes", \.ioServiceBytesRecursive)],
    ] }

    static func blkio(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        for group in blkioGroups {
            var blkio = CgroupStats.Blkio()
            var complete = true
            for (index, item) in group.enumerated() {
                let text = try CgroupFiles.readIfPresent(dir, item.file)
                let entries = try text.map { text throws(StrataError) in
                    try StatParsers.blkio(text, source: dir + "/" + item.file)
                } ?? []
                if entries.isEmpty {
                    // A later file of a group that had data missing: runc stops there too.
                    if index > 0 { stats.blkio = blkio; return }
                    complete = false
                    break
                }
                blkio[keyPath: item.field] = entries
            }
            if complete {
                stats.blkio = blkio
                return
            }
        }
    }

    static func hugetlb(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        for size in HugePages.sizes() {
            let prefix = "hugetlb." + size
            guard let usage = try optionalNumber(dir, prefix + ".usage_in_bytes") else { continue }
            stats.hugetlb[size] = .init(usage: usage, max: try number(dir, prefix + ".max_usage_in_bytes"),
                                        failcnt: try number(dir, prefix + ".failcnt"))
        }
    }

    /// A file holding one number.
    static func number(_ dir: String, _ file: String) throws(StrataError) -> UInt64 {
        let text = try CgroupFiles.read(dir, file)
        guard let value = StatParsers.number(Substring(text)) else { throw StatParsers.malformed(dir + "/" + file, text) }
        return value
    }

    /// The same, nil when the file does not exist.
    static func optionalNumber(_ dir: String, _ file: String) throws(StrataError) -> UInt64? {
        guard let text = try CgroupFiles.readIfPresent(dir, file) else { return nil }
        guard let value = StatParsers.number(Substring(text)) else { throw StatParsers.malformed(dir + "/" + file, text) }
        return value
    }
}
