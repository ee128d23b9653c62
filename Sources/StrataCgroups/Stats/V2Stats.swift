import StrataSystem

/// Stats of a cgroup v2 container, from the files runc's fs2 manager reads, mapped onto
/// the v1-shaped `CgroupStats` the same way. A controller whose files are missing (not
/// enabled in the parent's subtree_control) is skipped, as runc skips it.
extension CgroupV2Manager {
    /// v2 has no cpuset stats; swap is one file and kept whatever `omitted` says.
    public func stats(omitting omitted: CgroupStats.Omissions) throws(StrataError) -> CgroupStats {
        var stats = CgroupStats()
        do {
            try V2Stats.pids(directory, into: &stats)
            try V2Stats.memory(directory, into: &stats)
            try V2Stats.io(directory, into: &stats)
            try V2Stats.cpu(directory, into: &stats)
            if !omitted.contains(.hugetlb) { try V2Stats.hugetlb(directory, into: &stats) }
        } catch {
            throw error.within("read cgroup stats")
        }
        return stats
    }
}

enum V2Stats {
    /// pids.current and pids.max; without the pids controller, the processes are counted.
    static func pids(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        if let current = try V1Stats.optionalNumber(dir, "pids.current") {
            stats.pids.current = current
            let max = try CgroupFiles.read(dir, "pids.max")
            stats.pids.limit = max == "max" ? 0 : try V1Stats.number(dir, "pids.max")
            return
        }
        stats.pids.current = UInt64(try CgroupFiles.procs(dir).count)
    }

    static func memory(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        guard let statText = try CgroupFiles.readIfPresent(dir, "memory.stat") else { return }
        stats.memory.raw = try StatParsers.keyValues(statText, source: dir + "/memory.stat")
        stats.memory.cache = stats.memory.raw["file"] ?? 0
        var usage = CgroupStats.MemoryEntry(limit: try V1Stats.number(dir, "memory.max"),
                                            usage: try V1Stats.number(dir, "memory.current"))
        // memory.peak (Linux 5.19) is v1's max_usage; the "max" count of memory.events
        // (times the limit was hit) is v1's failcnt. runc 1.1 leaves both 0.
        usage.max = try V1Stats.optionalNumber(dir, "memory.peak") ?? 0
        if let events = try CgroupFiles.readIfPresent(dir, "memory.events") {
            usage.failcnt = try StatParsers.keyValues(events, source: dir + "/memory.events")["max"] ?? 0
        }
        stats.memory.usage = usage
        // v1 reports memory+swap as "swap"; runc adds the two on v2 for the same meaning.
        if let swapUsage = try V1Stats.optionalNumber(dir, "memory.swap.current") {
            let swapLimit = try V1Stats.number(dir, "memory.swap.max")
            stats.memory.swap = .init(
                limit: swapLimit == UInt64.max ? swapLimit : swapLimit.addingReportingOverflow(usage.limit).partialValue,
                usage: swapUsage.addingReportingOverflow(usage.usage).partialValue)
        }
    }

    static func io(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        guard let text = try CgroupFiles.readIfPresent(dir, "io.stat") else { return }
        let tables = try StatParsers.ioStat(text, source: dir + "/io.stat")
        stats.blkio.ioServiceBytesRecursive = tables.serviceBytes
        stats.blkio.ioServicedRecursive = tables.serviced
    }

    /// cpu.stat exists even without the cpu controller; its times are microseconds.
    static func cpu(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        guard let text = try CgroupFiles.readIfPresent(dir, "cpu.stat") else { return }
        let values = try StatParsers.keyValues(text, source: dir + "/cpu.stat")
        func nanoseconds(_ key: String) -> UInt64 {
            (values[key] ?? 0).multipliedReportingOverflow(by: 1000).partialValue
        }
        stats.cpu.usage.total = nanoseconds("usage_usec")
        stats.cpu.usage.user = nanoseconds("user_usec")
        stats.cpu.usage.kernel = nanoseconds("system_usec")
        stats.cpu.throttling.periods = values["nr_periods"] ?? 0
        stats.cpu.throttling.throttledPeriods = values["nr_throttled"] ?? 0
        stats.cpu.throttling.throttledTime = nanoseconds("throttled_usec")
    }

    /// hugetlb.SIZE.current, and the "max" count of hugetlb.SIZE.events as failcnt.
    static func hugetlb(_ dir: String, into stats: inout CgroupStats) throws(StrataError) {
        for size in HugePages.sizes() {
            let prefix = "hugetlb." + size
            guard let usage = try V1Stats.optionalNumber(dir, prefix + ".current") else { continue }
            var entry = CgroupStats.Hugetlb(usage: usage)
            if let events = try CgroupFiles.readIfPresent(dir, prefix + ".events") {
                entry.failcnt = try StatParsers.keyValues(events, source: dir + "/" + prefix + ".events")["max"] ?? 0
            }
            stats.hugetlb[size] = entry
        }
    }
}
