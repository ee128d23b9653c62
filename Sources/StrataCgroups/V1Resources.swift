import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Writes `CgroupResources` into v1 control files. Only the files for values that are set
/// are touched, so an empty section costs no system call.
struct V1Resources {
    let manager: CgroupV1Manager

    /// The directory for `controller`, or an error when a limit needs a controller this
    /// host does not mount (runc fails the same way rather than run a container unlimited).
    func dir(_ controller: String) throws(StrataError) -> String {
        guard let dir = manager.directory(for: controller) else {
            throw StrataError("set \(controller) limits", "cgroup", reason: "the \(controller) controller is not mounted")
        }
        return dir
    }

    func apply(_ r: CgroupResources) throws(StrataError) {
        if !r.unified.isEmpty {
            throw StrataError("set unified resources", r.unified.keys.sorted().joined(separator: ","),
                              reason: "needs cgroup v2, this host uses v1 for controllers")
        }
        if !r.devices.isEmpty {
            let dir = try dir("devices")
            // A list is read from deny-all, as the v2 program and runc's emulator read
            // it; a new v1 cgroup would otherwise start from its parent's rules.
            if r.devices.first?.type != "a" {
                try CgroupFiles.write(dir, "devices.deny", "a")
            }
            for rule in r.devices {
                try CgroupFiles.write(dir, rule.allow ? "devices.allow" : "devices.deny", rule.v1Line)
            }
        }
        try applyMemory(r.memory)
        try applyCPU(r.cpu)
        if r.cpu.cpus != nil || r.cpu.mems != nil {
            let dir = try dir("cpuset")
            if let cpus = r.cpu.cpus { try CgroupFiles.write(dir, "cpuset.cpus", cpus) }
            if let mems = r.cpu.mems { try CgroupFiles.write(dir, "cpuset.mems", mems) }
        }
        if let limit = r.pidsLimit, limit != 0 {
            try CgroupFiles.write(try dir("pids"), "pids.max", limit > 0 ? String(limit) : "max")
        }
        if !r.blockIO.isEmpty { try applyBlockIO(r.blockIO) }
        if !r.hugepageLimits.isEmpty { try applyHugepages(r.hugepageLimits) }
        if let classID = r.network.classID {
            try CgroupFiles.write(try dir("net_cls"), "net_cls.classid", String(classID))
        }
        if !r.network.priorities.isEmpty {
            let dir = try dir("net_prio")
            for entry in r.network.priorities {
                try CgroupFiles.write(dir, "net_prio.ifpriomap", "\(entry.name) \(entry.priority)")
            }
        }
    }

    func applyMemory(_ m: CgroupResources.Memory) throws(StrataError) {
        let wantsAny = m.limit != nil || m.swap != nil || m.reservation != nil
            || m.swappiness != nil || m.disableOOMKiller == true || m.useHierarchy != nil
        guard wantsAny else { return }
        let dir = try dir("memory")
        // Before any limit: the kernel refuses to change it once the cgroup has children.
        // Kernels since 5.x only accept 1 (the file stays for compatibility).
        if let hierarchical = m.useHierarchy {
            try CgroupFiles.write(dir, "memory.use_hierarchy", hierarchical ? "1" : "0")
        }
        try setLimitAndSwap(dir, limit: m.limit, swap: m.swap)
        if let reservation = m.reservation {
            try CgroupFiles.write(dir, "memory.soft_limit_in_bytes", String(reservation))
        }
        if let swappiness = m.swappiness {
            guard swappiness <= 100 else {
                throw StrataError("set memory swappiness", String(swappiness), reason: "must be 0 to 100")
            }
            try CgroupFiles.write(dir, "memory.swappiness", String(swappiness))
        }
        if m.disableOOMKiller == true { try CgroupFiles.write(dir, "memory.oom_control", "1") }
    }

    /// The kernel keeps memsw >= limit at every moment, so raising the limit above the
    /// current memsw needs memsw first, and lowering memsw below the current limit needs
    /// the limit first. Rather than read both current values (two more syscalls on every
    /// start), try limit-then-swap, which suits a fresh cgroup, and on EINVAL the reverse.
    func setLimitAndSwap(_ dir: String, limit: Int64?, swap requestedSwap: Int64?) throws(StrataError) {
        var swap = requestedSwap
        // An unlimited memory with no swap given means both unlimited, as runc does.
        if limit == -1 && (swap == nil || swap == 0) { swap = -1 }
        if swap == 0 { swap = nil }
        if let limit, let swap, limit > 0, swap > 0, swap < limit {
            throw StrataError("set memory swap", String(swap),
                              reason: "memory+swap limit must be at least the memory limit \(limit)")
        }
        func writeLimit() throws(StrataError) {
            if let limit { try CgroupFiles.write(dir, "memory.limit_in_bytes", String(limit)) }
        }
        func writeSwap() throws(StrataError) {
            guard let swap else { return }
            // Without swap accounting the file is absent; "unlimited" then needs nothing.
            if swap == -1 {
                try CgroupFiles.writeIfPresent(dir, "memory.memsw.limit_in_bytes", "-1")
            } else {
                try CgroupFiles.write(dir, "memory.memsw.limit_in_bytes", String(swap))
            }
        }
        do {
            try writeLimit()
            try writeSwap()
        } catch {
            guard error.errno == EINVAL, limit != nil, swap != nil else {
                // The kernel's only reason to refuse a numeric limit with EINVAL.
                if error.errno == EINVAL && limit != nil && swap == nil {
                    var explained = error
                    explained.reason = "above the current memory+swap limit (set memory.swap too)"
                    throw explained
                }
                throw error
            }
            try writeSwap()
            try writeLimit()
        }
    }

    func applyCPU(_ c: CgroupResources.CPU) throws(StrataError) {
        let wantsAny = c.shares != nil || c.quota != nil || c.period != nil || c.burst != nil
            || c.realtimeRuntime != nil || c.realtimePeriod != nil || c.idle != nil
        guard wantsAny else { return }
        let dir = try dir("cpu")
        if let shares = c.shares, shares != 0 { try CgroupFiles.write(dir, "cpu.shares", String(shares)) }
        // The kernel checks quota/period as a pair against the parent's bandwidth: a
        // period it refuses alone may pass once the new quota is in.
        let quotaText = c.quota.map { $0 > 0 ? String($0) : "-1" }
        if let period = c.period, period != 0 {
            do {
                try CgroupFiles.write(dir, "cpu.cfs_period_us", String(period))
                if let quotaText { try CgroupFiles.write(dir, "cpu.cfs_quota_us", quotaText) }
            } catch {
                guard error.errno == EINVAL, let quotaText else { throw error }
                try CgroupFiles.write(dir, "cpu.cfs_quota_us", quotaText)
                try CgroupFiles.write(dir, "cpu.cfs_period_us", String(period))
            }
        } else if let quotaText {
            try CgroupFiles.write(dir, "cpu.cfs_quota_us", quotaText)
        }
        if let burst = c.burst { try CgroupFiles.write(dir, "cpu.cfs_burst_us", String(burst)) }
        // Same pairing for real-time: period first unless that is refused.
        if let period = c.realtimePeriod, period != 0 {
            do {
                try CgroupFiles.write(dir, "cpu.rt_period_us", String(period))
                if let runtime = c.realtimeRuntime { try CgroupFiles.write(dir, "cpu.rt_runtime_us", String(runtime)) }
            } catch {
                guard error.errno == EINVAL, let runtime = c.realtimeRuntime else { throw error }
                try CgroupFiles.write(dir, "cpu.rt_runtime_us", String(runtime))
                try CgroupFiles.write(dir, "cpu.rt_period_us", String(period))
            }
        } else if let runtime = c.realtimeRuntime {
            try CgroupFiles.write(dir, "cpu.rt_runtime_us", String(runtime))
        }
        if let idle = c.idle { try CgroupFiles.write(dir, "cpu.idle", String(idle)) }
    }

    func applyBlockIO(_ b: CgroupResources.BlockIO) throws(StrataError) {
        let dir = try dir("blkio")
        // With the BFQ scheduler the CFQ-era files are gone and blkio.bfq.* take weights.
        if let weight = b.weight, weight != 0 {
            if try !CgroupFiles.writeIfPresent(dir, "blkio.weight", String(weight)) {
                try CgroupFiles.write(dir, "blkio.bfq.weight", String(weight))
            }
        }
        if let leaf = b.leafWeight, leaf != 0 { try CgroupFiles.write(dir, "blkio.leaf_weight", String(leaf)) }
        for device in b.weightDevice {
            let id = "\(device.major):\(device.minor)"
            if let weight = device.weight, weight != 0 {
                if try !CgroupFiles.writeIfPresent(dir, "blkio.weight_device", "\(id) \(weight)") {
                    try CgroupFiles.write(dir, "blkio.bfq.weight_device", "\(id) \(weight)")
                }
            }
            if let leaf = device.leafWeight, leaf != 0 {
                try CgroupFiles.write(dir, "blkio.leaf_weight_device", "\(id) \(leaf)")
            }
        }
        let throttles: [(String, [CgroupResources.DeviceRate])] = [
            ("blkio.throttle.read_bps_device", b.throttleReadBpsDevice),
            ("blkio.throttle.write_bps_device", b.throttleWriteBpsDevice),
            ("blkio.throttle.read_iops_device", b.throttleReadIOPSDevice),
            ("blkio.throttle.write_iops_device", b.throttleWriteIOPSDevice),
        ]
        for (file, rates) in throttles {
            for rate in rates { try CgroupFiles.write(dir, file, "\(rate.major):\(rate.minor) \(rate.rate)") }
        }
    }

    /// hugetlb through v1 when a v1 hierarchy has it, else through the hybrid host's
    /// cgroup2 (runc 1.1 fails here: "cannot set hugetlb limit").
    func applyHugepages(_ pages: [CgroupResources.HugepageLimit]) throws(StrataError) {
        if let dir = manager.directory(for: "hugetlb") {
            for page in pages {
                try CgroupFiles.write(dir, "hugetlb.\(page.pageSize).limit_in_bytes", String(page.limit))
            }
            return
        }
        guard let dir = manager.unifiedDirectory, let mountPoint = manager.unifiedMountPoint,
              (try CgroupFiles.readIfPresent(mountPoint, "cgroup.controllers") ?? "").split(separator: " ").contains("hugetlb") else {
            _ = try self.dir("hugetlb")
            return
        }
        try SubtreeControl.enable(mountPoint: mountPoint, directory: dir, wanted: ["hugetlb"])
        for page in pages {
            try CgroupFiles.write(dir, "hugetlb.\(page.pageSize).max", String(page.limit))
        }
    }
}
