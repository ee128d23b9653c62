import StrataSystem

/// Writes `CgroupResources` into v2 control files, converting v1-shaped values the way
/// runc does. Settings v2 has no file for (swappiness, OOM-killer switch, net_cls and
/// net_prio) are ignored like runc ignores them; real-time budgets are refused.
struct V2Resources {
    let directory: String

    func write(_ file: String, _ value: String) throws(StrataError) {
        try CgroupFiles.write(directory, file, value)
    }

    func apply(_ r: CgroupResources) throws(StrataError) {
        let m = r.memory
        // Checked before any write, so a bad pair changes nothing.
        let swapMax = try CgroupConversions.swapMax(swap: m.swap, memory: m.limit)
        if let swapMax {
            // Without swap accounting there is no memory.swap.max; "max" then needs nothing.
            if swapMax == -1 {
                try CgroupFiles.writeIfPresent(directory, "memory.swap.max", "max")
            } else {
                try write("memory.swap.max", String(swapMax))
            }
        }
        if let limit = m.limit, limit != 0 { try write("memory.max", CgroupConversions.v2Limit(limit)) }
        if let reservation = m.reservation, reservation != 0 {
            try write("memory.low", CgroupConversions.v2Limit(reservation))
        }

        let c = r.cpu
        if (c.realtimeRuntime ?? 0) != 0 || (c.realtimePeriod ?? 0) != 0 {
            throw StrataError("set cpu realtime", directory, reason: "real-time budgets need cgroup v1")
        }
        if let shares = c.shares, shares != 0 {
            try write("cpu.weight", String(CgroupConversions.cpuWeight(fromShares: shares)))
        }
        if let text = CgroupConversions.cpuMax(quota: c.quota, period: c.period) { try write("cpu.max", text) }
        if let burst = c.burst { try write("cpu.max.burst", String(burst)) }
        if let idle = c.idle { try write("cpu.idle", String(idle)) }
        if let cpus = c.cpus { try write("cpuset.cpus", cpus) }
        if let mems = c.mems { try write("cpuset.mems", mems) }

        if let limit = r.pidsLimit, limit != 0 { try write("pids.max", limit > 0 ? String(limit) : "max") }

        try applyIO(r.blockIO)
        for page in r.hugepageLimits { try write("hugetlb.\(page.pageSize).max", String(page.limit)) }
        if !r.devices.isEmpty { try DeviceFilter.install(rules: r.devices, cgroupDirectory: directory) }

        // Raw keys go last so they can refine what the converted values set.
        for key in r.unified.keys.sorted() {
            guard !key.contains("/"), !key.hasPrefix(".") else {
                throw StrataError("set unified resource", key, reason: "not a file name")
            }
            guard let value = r.unified[key] else { continue }
            let code = CgroupFiles.rawWrite(directory + "/" + key, value)
            if code != 0 {
                throw StrataError("write", "\(directory)/\(key) \"\(value)\"", errno: code)
                    .within("linux.resources.unified.\(key)")
            }
        }
    }

    func applyIO(_ b: CgroupResources.BlockIO) throws(StrataError) {
        guard !b.isEmpty else { return }
        // With the BFQ scheduler io.weight is absent and io.bfq.weight takes the v1 scale.
        if let weight = b.weight, weight != 0 {
            let converted = String(CgroupConversions.ioWeight(fromBlkioWeight: weight))
            if try !CgroupFiles.writeIfPresent(directory, "io.weight", converted) {
                try write("io.bfq.weight", String(weight))
            }
        }
        for device in b.weightDevice {
            guard let weight = device.weight, weight != 0 else { continue }
            let id = "\(device.major):\(device.minor)"
            let converted = CgroupConversions.ioWeight(fromBlkioWeight: weight)
            if try !CgroupFiles.writeIfPresent(directory, "io.weight", "\(id) \(converted)") {
                try write("io.bfq.weight", "\(id) \(weight)")
            }
        }
        let throttles: [(String, [CgroupResources.DeviceRate])] = [
            ("rbps", b.throttleReadBpsDevice), ("wbps", b.throttleWriteBpsDevice),
            ("riops", b.throttleReadIOPSDevice), ("wiops", b.throttleWriteIOPSDevice),
        ]
        for (key, rates) in throttles {
            for rate in rates {
                // 0 lifts the limit, which io.max spells "max".
                let value = rate.rate == 0 ? "max" : String(rate.rate)
                try write("io.max", "\(rate.major):\(rate.minor) \(key)=\(value)")
            }
        }
    }
}
