import StrataSystem

/// Which OCI `linux.resources` field a control file carries, so that a value the kernel
/// refuses is reported by the name the user wrote in config.json, not only by the
/// cgroup file it landed in. Only consulted on the error path.
enum ResourceFieldNames {
    static func field(file: String, value: String) -> String? {
        let perDevice = value.contains(":")
        if file.hasPrefix("hugetlb.") { return "hugepageLimits" }
        if file.hasPrefix("devices.") { return "devices" }
        switch file {
        case "memory.limit_in_bytes", "memory.max": return "memory.limit"
        case "memory.memsw.limit_in_bytes", "memory.swap.max": return "memory.swap"
        case "memory.soft_limit_in_bytes", "memory.low": return "memory.reservation"
        case "memory.swappiness": return "memory.swappiness"
        case "memory.oom_control": return "memory.disableOOMKiller"
        case "memory.use_hierarchy": return "memory.useHierarchy"
        case "cpu.shares", "cpu.weight": return "cpu.shares"
        case "cpu.cfs_quota_us": return "cpu.quota"
        case "cpu.cfs_period_us": return "cpu.period"
        case "cpu.max": return "cpu.quota/cpu.period"
        case "cpu.cfs_burst_us", "cpu.max.burst": return "cpu.burst"
        case "cpu.rt_runtime_us": return "cpu.realtimeRuntime"
        case "cpu.rt_period_us": return "cpu.realtimePeriod"
        case "cpu.idle": return "cpu.idle"
        case "cpuset.cpus": return "cpu.cpus"
        case "cpuset.mems": return "cpu.mems"
        case "pids.max": return "pids.limit"
        case "blkio.weight", "blkio.bfq.weight", "io.weight", "io.bfq.weight":
            return perDevice ? "blockIO.weightDevice" : "blockIO.weight"
        case "blkio.weight_device", "blkio.bfq.weight_device": return "blockIO.weightDevice"
        case "blkio.leaf_weight": return "blockIO.leafWeight"
        case "blkio.leaf_weight_device": return "blockIO.weightDevice"
        case "blkio.throttle.read_bps_device": return "blockIO.throttleReadBpsDevice"
        case "blkio.throttle.write_bps_device": return "blockIO.throttleWriteBpsDevice"
        case "blkio.throttle.read_iops_device": return "blockIO.throttleReadIOPSDevice"
        case "blkio.throttle.write_iops_device": return "blockIO.throttleWriteIOPSDevice"
        case "io.max": return ioMaxField(value)
        case "net_cls.classid": return "network.classID"
        case "net_prio.ifpriomap": return "network.priorities"
        default: return nil
        }
    }

    static func ioMaxField(_ value: String) -> String {
        if value.contains("rbps=") { return "blockIO.throttleReadBpsDevice" }
        if value.contains("wbps=") { return "blockIO.throttleWriteBpsDevice" }
        if value.contains("riops=") { return "blockIO.throttleReadIOPSDevice" }
        return "blockIO.throttleWriteIOPSDevice"
    }

    /// The error for a refused write, prefixed with the field when one is known. Raw
    /// `unified` keys are named by the caller, which knows the key.
    static func annotate(_ error: StrataError, file: String, value: String) -> StrataError {
        guard let field = field(file: file, value: value) else { return error }
        return error.within("linux.resources." + field)
    }
}
