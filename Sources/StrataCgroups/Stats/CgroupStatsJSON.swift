/// runc's `types.Stats` JSON: its key names and order, and its `omitempty` rules. Go's
/// `omitempty` never omits a struct, so `usage`, `throttling`, `swap`, `kernel` and friends
/// always appear, possibly as `{}`; zero numbers and empty lists tagged omitempty vanish.
extension CgroupStats {
    /// The stats object as one line of JSON (no trailing newline).
    public var jsonBytes: [UInt8] {
        var writer = GoJSONWriter()
        write(to: &writer)
        return writer.bytes
    }

    /// Writes the stats object as the next value of `writer`.
    public func write(to w: inout GoJSONWriter) {
        w.beginObject()
        w.key("cpu"); cpu.write(to: &w)
        w.key("cpuset"); cpuset.write(to: &w)
        w.key("memory"); memory.write(to: &w)
        w.key("pids")
        w.beginObject()
        w.field("current", pids.current, omitEmpty: true)
        w.field("limit", pids.limit, omitEmpty: true)
        w.endObject()
        w.key("blkio"); blkio.write(to: &w)
        w.key("hugetlb")
        w.beginObject()
        for size in hugetlb.keys.sorted(by: Self.goOrder) {
            guard let entry = hugetlb[size] else { continue }
            w.key(size)
            w.beginObject()
            w.field("usage", entry.usage, omitEmpty: true)
            w.field("max", entry.max, omitEmpty: true)
            w.field("failcnt", entry.failcnt)
            w.endObject()
        }
        w.endObject()
        // Intel RDT is not supported: runc prints an empty object when it is off.
        w.key("intel_rdt"); w.beginObject(); w.endObject()
        w.key("network_interfaces")
        if let networkInterfaces {
            w.beginArray()
            for interface in networkInterfaces { interface.write(to: &w) }
            w.endArray()
        } else {
            w.null()
        }
        w.endObject()
    }

    /// Go's encoder sorts map keys by their bytes.
    static func goOrder(_ a: String, _ b: String) -> Bool {
        a.utf8.lexicographicallyPrecedes(b.utf8)
    }
}

extension CgroupStats.CPU {
    func write(to w: inout GoJSONWriter) {
        w.beginObject()
        w.key("usage")
        w.beginObject()
        w.field("total", usage.total, omitEmpty: true)
        Self.list(&w, "percpu", usage.percpu)
        Self.list(&w, "percpu_kernel", usage.percpuKernel)
        Self.list(&w, "percpu_user", usage.percpuUser)
        w.field("kernel", usage.kernel)
        w.field("user", usage.user)
        w.endObject()
        w.key("throttling")
        w.beginObject()
        w.field("periods", throttling.periods, omitEmpty: true)
        w.field("throttledPeriods", throttling.throttledPeriods, omitEmpty: true)
        w.field("throttledTime", throttling.throttledTime, omitEmpty: true)
        w.endObject()
        w.endObject()
    }

    /// An omitempty list of numbers.
    static func list<N: BinaryInteger>(_ w: inout GoJSONWriter, _ name: String, _ values: [N]) {
        guard !values.isEmpty else { return }
        w.key(name)
        w.beginArray()
        for v in values { w.value(UInt64(truncatingIfNeeded: v)) }
        w.endArray()
    }
}

extension CgroupStats.CPUSet {
    func write(to w: inout GoJSONWriter) {
        w.beginObject()
        CgroupStats.CPU.list(&w, "cpus", cpus)
        w.field("cpu_exclusive", cpuExclusive)
        CgroupStats.CPU.list(&w, "mems", mems)
        w.field("mem_hardwall", memHardwall)
        w.field("mem_exclusive", memExclusive)
        w.field("memory_migrate", memoryMigrate)
        w.field("memory_spread_page", memorySpreadPage)
        w.field("memory_spread_slab", memorySpreadSlab)
        w.field("memory_pressure", memoryPressure)
        w.field("sched_load_balance", schedLoadBalance)
        w.key("sched_relax_domain_level")
        w.value(schedRelaxDomainLevel)
        w.endObject()
    }
}

extension CgroupStats.Memory {
    func write(to w: inout GoJSONWriter) {
        w.beginObject()
        w.field("cache", cache, omitEmpty: true)
        w.key("usage"); usage.write(to: &w)
        w.key("swap"); swap.write(to: &w)
        w.key("kernel"); kernel.write(to: &w)
        w.key("kernelTCP"); kernelTCP.write(to: &w)
        if !raw.isEmpty {
            w.key("raw")
            w.beginObject()
            for name in raw.keys.sorted(by: CgroupStats.goOrder) {
                w.field(name, raw[name] ?? 0)
            }
            w.endObject()
        }
        w.endObject()
    }
}

extension CgroupStats.MemoryEntry {
    func write(to w: inout GoJSONWriter) {
        w.beginObject()
        w.field("limit", limit)
        w.field("usage", usage, omitEmpty: true)
        w.field("max", max, omitEmpty: true)
        w.field("failcnt", failcnt)
        w.endObject()
    }
}

extension CgroupStats.Blkio {
    func write(to w: inout GoJSONWriter) {
        w.beginObject()
        // runc's tag for the queued list really is "ioQueueRecursive".
        let lists: [(String, [CgroupStats.BlkioEntry])] = [
            ("ioServiceBytesRecursive", ioServiceBytesRecursive), ("ioServicedRecursive", ioServicedRecursive),
            ("ioQueueRecursive", ioQueuedRecursive), ("ioServiceTimeRecursive", ioServiceTimeRecursive),
            ("ioWaitTimeRecursive", ioWaitTimeRecursive), ("ioMergedRecursive", ioMergedRecursive),
            ("ioTimeRecursive", ioTimeRecursive), ("sectorsRecursive", sectorsRecursive),
        ]
        for (name, entries) in lists where !entries.isEmpty {
            w.key(name)
            w.beginArray()
            for entry in entries {
                w.beginObject()
                w.field("major", entry.major, omitEmpty: true)
                w.field("minor", entry.minor, omitEmpty: true)
                w.field("op", entry.op, omitEmpty: true)
                w.field("value", entry.value, omitEmpty: true)
                w.endObject()
            }
            w.endArray()
        }
        w.endObject()
    }
}

extension CgroupStats.NetworkInterface {
    /// runc's NetworkInterface has no JSON tags, so Go uses the field names as they are.
    func write(to w: inout GoJSONWriter) {
        w.beginObject()
        w.field("Name", name)
        w.field("RxBytes", rxBytes)
        w.field("RxPackets", rxPackets)
        w.field("RxErrors", rxErrors)
        w.field("RxDropped", rxDropped)
        w.field("TxBytes", txBytes)
        w.field("TxPackets", txPackets)
        w.field("TxErrors", txErrors)
        w.field("TxDropped", txDropped)
        w.endObject()
    }
}
