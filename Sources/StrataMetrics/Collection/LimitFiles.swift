import StrataCgroups
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Reads what `CgroupStats` leaves out and an analysis needs: limits, limit events and
/// pressure. Each file is optional (a controller may be off, an old kernel may lack it);
/// a file that exists but does not parse is an error naming it.
enum LimitFiles {
    static func limits(_ dirs: CgroupDirectories, stats: CgroupStats, withIO: Bool) throws(StrataError) -> ResourceLimits {
        var limits = ResourceLimits()
        if let dir = dirs.cpu {
            if dirs.unified {
                if let text = try read(dir, "cpu.max") { try cpuMax(text, source: dir + "/cpu.max", into: &limits) }
            } else {
                if let period = try read(dir, "cpu.cfs_period_us").flatMap({ UInt64($0) }) { limits.cpuPeriod = period }
                if let quota = try read(dir, "cpu.cfs_quota_us").flatMap({ Int64($0) }), quota > 0 {
                    limits.cpuQuota = UInt64(quota)
                }
            }
        }
        if let dir = dirs.cpuset {
            let file = dirs.unified ? "cpuset.cpus.effective" : "cpuset.cpus"
            if let text = try read(dir, file), !text.isEmpty {
                limits.cpusetCount = try StatParsers.cpuList(text, source: dir + "/" + file).count
            }
        }
        // v1 shows "no limit" as the largest page-aligned signed value, v2 as "max".
        let memory = stats.memory.usage.limit
        if memory > 0 && memory < (1 << 62) { limits.memory = memory }
        if stats.pids.limit > 0 && stats.pids.limit != UInt64.max { limits.pids = stats.pids.limit }
        if withIO, let dir = dirs.blkio { limits.io = try ioLimits(dir, unified: dirs.unified) }
        return limits
    }

    /// "QUOTA PERIOD" or "max PERIOD".
    static func cpuMax(_ text: String, source: String, into limits: inout ResourceLimits) throws(StrataError) {
        let fields = text.split(separator: " ")
        guard fields.count == 2, let period = UInt64(fields[1]) else {
            throw StrataError("parse", source, reason: "unexpected \"\(text)\"")
        }
        limits.cpuPeriod = period
        limits.cpuQuota = fields[0] == "max" ? nil : UInt64(fields[0])
    }

    static func ioLimits(_ dir: String, unified: Bool) throws(StrataError) -> [IOLimit] {
        var byDevice: [String: IOLimit] = [:]
        if unified {
            // "8:0 rbps=1048576 wbps=max riops=max wiops=max"
            guard let text = try read(dir, "io.max") else { return [] }
            for line in text.split(separator: "\n") {
                let fields = line.split(separator: " ")
                guard let device = fields.first else { continue }
                var limit = IOLimit(device: String(device))
                for field in fields.dropFirst() {
                    let pair = field.split(separator: "=", maxSplits: 1)
                    guard pair.count == 2, let value = UInt64(pair[1]) else { continue }
                    switch pair[0] {
                    case "rbps": limit.readBytesPerSecond = value
                    case "wbps": limit.writeBytesPerSecond = value
                    case "riops": limit.readIOPerSecond = value
                    case "wiops": limit.writeIOPerSecond = value
                    default: break
                    }
                }
                byDevice[limit.device] = limit
            }
        } else {
            let files: [(String, WritableKeyPath<IOLimit, UInt64?>)] = [
                ("blkio.throttle.read_bps_device", \.readBytesPerSecond),
                ("blkio.throttle.write_bps_device", \.writeBytesPerSecond),
                ("blkio.throttle.read_iops_device", \.readIOPerSecond),
                ("blkio.throttle.write_iops_device", \.writeIOPerSecond),
            ]
            for (file, field) in files {
                // "8:0 1048576" per line.
                for line in (try read(dir, file) ?? "").split(separator: "\n") {
                    let parts = line.split(separator: " ")
                    guard parts.count == 2, let value = UInt64(parts[1]) else {
                        throw StrataError("parse", dir + "/" + file, reason: "unexpected line \"\(line)\"")
                    }
                    let device = String(parts[0])
                    byDevice[device, default: IOLimit(device: device)][keyPath: field] = value
                }
            }
        }
        return byDevice.keys.sorted().compactMap { byDevice[$0] }
    }

    static func events(_ dirs: CgroupDirectories, stats: CgroupStats) throws(StrataError) -> LimitEvents {
        var events = LimitEvents()
        if let dir = dirs.memory {
            if dirs.unified {
                let values = try keyValues(dir, "memory.events")
                events.oomKills = values["oom_kill"] ?? 0
                events.memoryLimitHits = values["max"] ?? 0
                events.memoryHighHits = values["high"] ?? 0
            } else {
                events.oomKills = try keyValues(dir, "memory.oom_control")["oom_kill"] ?? 0
                events.memoryLimitHits = stats.memory.usage.failcnt
            }
        }
        if let dir = dirs.pids { events.pidsLimitHits = try keyValues(dir, "pids.events")["max"] ?? 0 }
        return events
    }

    static func pressure(_ dirs: CgroupDirectories) throws(StrataError) -> Pressure? {
        guard dirs.unified, let dir = dirs.cpu else { return nil }
        func stall(_ file: String) throws(StrataError) -> PressureStall? {
            guard let text = try read(dir, file) else { return nil }
            return try PressureStall.parse(text, source: dir + "/" + file)
        }
        let pressure = Pressure(cpu: try stall("cpu.pressure"), memory: try stall("memory.pressure"), io: try stall("io.pressure"))
        return pressure == Pressure() ? nil : pressure
    }

    static func keyValues(_ dir: String, _ file: String) throws(StrataError) -> [String: UInt64] {
        guard let text = try read(dir, file) else { return [:] }
        return try StatParsers.keyValues(text, source: dir + "/" + file)
    }

    /// The trimmed text of `dir/file`, nil when it does not exist; EOPNOTSUPP too, which
    /// a pressure file returns when PSI is compiled in but switched off.
    static func read(_ dir: String, _ file: String) throws(StrataError) -> String? {
        do {
            return try Files.readText(dir + "/" + file).trimmingASCIIWhitespace()
        } catch {
            if error.errno == ENOENT || error.errno == EOPNOTSUPP { return nil }
            throw error
        }
    }
}
