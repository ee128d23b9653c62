/// What limits a container, from its usage over an interval. Each resource that shows a
/// sign of being the limit gets a finding with a score (roughly: how close to the wall,
/// 1 = at it); the highest score names the bottleneck. Thresholds are the constants below.
public enum BottleneckAnalysis {
    /// Share of CFS periods throttled from which the quota counts as the limit.
    public static let throttledShare = 0.2
    /// Share of an allowance (CPUs, memory, pids, an I/O throttle) that counts as "near".
    public static let nearLimit = 0.9
    /// The same for I/O, whose rates swing more between intervals.
    public static let nearIOLimit = 0.8
    /// Share of a container's processes in state D at the sample that counts as I/O-bound.
    public static let blockedShare = 0.3
    /// PSI "some" avg10 percent from which waiting on a resource counts.
    public static let pressurePercent = 10.0

    public static func diagnose(_ usage: ContainerUsage) -> Diagnosis {
        let findings = [cpu(usage), memory(usage), pids(usage), io(usage)].compactMap { $0 }
            .sorted { $0.score > $1.score }
        return Diagnosis(id: usage.sample.container.id, root: usage.sample.container.root,
                         findings: findings, summary: summary(usage))
    }

    static func cpu(_ usage: ContainerUsage) -> Finding? {
        let advice = LimitAdvice.of(usage.sample.container)
        var finding = Finding(resource: .cpu, action: "raise the CPU quota (\(advice.cpuQuota)) or spread the work")
        let used = usage.cpuPercent.map { $0 / 100 }
        if let quota = usage.sample.limits.quotaCPUs, usage.periods > 0 {
            let share = Double(usage.throttledPeriods) / Double(usage.periods)
            if share >= throttledShare {
                var text = "throttled in \(Units.fixed(share * 100, decimals: 0))% of CFS periods "
                    + "(\(usage.throttledPeriods) of \(usage.periods)) under a quota of \(Units.fixed(quota, decimals: 2)) CPU"
                if let used, let efficiency = usage.efficiency {
                    text += ", using \(Units.fixed(used, decimals: 2)) CPU (efficiency \(Units.fixed(efficiency, decimals: 0))%)"
                }
                finding.add(text, score: share)
            }
        }
        if let efficiency = usage.efficiency, let used, efficiency / 100 >= nearLimit, finding.evidence.isEmpty {
            finding.action = "give it more CPUs (cpuset, quota) or spread the work"
            finding.add("using \(Units.fixed(used, decimals: 2)) of \(Units.fixed(usage.cpusAllowed, decimals: 2)) CPUs "
                        + "(efficiency \(Units.fixed(efficiency, decimals: 0))%)", score: efficiency / 100)
        }
        if let stall = usage.sample.pressure?.cpu, stall.someAvg10 >= pressurePercent {
            finding.add("tasks waited for a CPU \(Units.fixed(stall.someAvg10, decimals: 1))% of the last 10 s (cpu.pressure)",
                        score: stall.someAvg10 / 100)
        }
        return finding.evidence.isEmpty ? nil : finding
    }

    static func memory(_ usage: ContainerUsage) -> Finding? {
        let advice = LimitAdvice.of(usage.sample.container)
        var finding = Finding(resource: .memory,
                              action: "raise the memory limit (\(advice.memory)) or shrink the working set")
        let sample = usage.sample
        if let limit = sample.limits.memory, limit > 0 {
            let share = Double(usage.memoryUsage) / Double(limit)
            if share >= nearLimit {
                finding.add("working set \(Units.binary(usage.memoryUsage)) of a \(Units.binary(limit)) limit "
                            + "(\(Units.fixed(share * 100, decimals: 0))%)", score: share)
            }
        }
        if sample.events.oomKills > 0 {
            let recent = usage.deltas.oomKills > 0
            finding.add("\(sample.events.oomKills) process(es) OOM-killed" + (recent ? " (\(usage.deltas.oomKills) just now)" : ""),
                        score: recent ? 1.0 : 0.8)
        }
        if usage.deltas.memoryLimitHits > 0 {
            finding.add("hit the limit \(usage.deltas.memoryLimitHits) times in the interval (reclaim)", score: 0.7)
        }
        if usage.deltas.memoryHighHits > 0 {
            finding.add("went over memory.high \(usage.deltas.memoryHighHits) times in the interval (reclaim)", score: 0.6)
        }
        if let stall = sample.pressure?.memory, stall.someAvg10 >= pressurePercent {
            finding.add("tasks stalled on memory \(Units.fixed(stall.someAvg10, decimals: 1))% of the last 10 s (memory.pressure)",
                        score: stall.someAvg10 / 100)
        }
        return finding.evidence.isEmpty ? nil : finding
    }

    static func pids(_ usage: ContainerUsage) -> Finding? {
        let advice = LimitAdvice.of(usage.sample.container)
        var finding = Finding(resource: .pids, action: "raise the pids limit (\(advice.pids)) or stop the fork loop")
        let current = usage.sample.stats.pids.current
        if let limit = usage.sample.limits.pids, limit > 0 {
            let share = Double(current) / Double(limit)
            if share >= nearLimit {
                finding.add("\(current) of \(limit) pids (\(Units.fixed(share * 100, decimals: 0))%)", score: share)
            }
        }
        if usage.deltas.pidsLimitHits > 0 {
            finding.add("\(usage.deltas.pidsLimitHits) forks refused in the interval (pids.events)", score: 1.0)
        }
        return finding.evidence.isEmpty ? nil : finding
    }

    static func io(_ usage: ContainerUsage) -> Finding? {
        var finding = Finding(resource: .io, action: "raise the block I/O throttle (linux.resources.blockIO) or move the I/O")
        for limit in usage.sample.limits.io {
            guard let rate = usage.ioRates[limit.device] else { continue }
            let pairs: [(String, Double, UInt64?, Bool)] = [
                ("reading", rate.read, limit.readBytesPerSecond, true), ("writing", rate.write, limit.writeBytesPerSecond, true),
                ("reading", rate.readOps, limit.readIOPerSecond, false), ("writing", rate.writeOps, limit.writeIOPerSecond, false),
            ]
            for (verb, value, cap, isBytes) in pairs {
                guard let cap, cap > 0 else { continue }
                let share = value / Double(cap)
                guard share >= nearIOLimit else { continue }
                let amount = isBytes ? "\(Units.rate(value)) of a \(Units.rate(Double(cap))) limit"
                    : "\(Units.fixed(value, decimals: 0)) of a \(cap) IOPS limit"
                finding.add("\(verb) \(amount) on \(limit.device)", score: min(share, 1.0))
            }
        }
        if let tasks = usage.sample.tasks, tasks.total > 0, tasks.blocked > 0 {
            let share = Double(tasks.blocked) / Double(tasks.total)
            if share >= blockedShare {
                var text = "\(tasks.blocked) of \(tasks.total) processes waiting on I/O (state D)"
                if let limit = usage.sample.limits.io.first {
                    text += " under a throttle on \(limit.device) (" + describe(limit) + ")"
                }
                finding.add(text, score: share)
            }
        }
        if let stall = usage.sample.pressure?.io, stall.someAvg10 >= pressurePercent {
            finding.add("tasks waited for I/O \(Units.fixed(stall.someAvg10, decimals: 1))% of the last 10 s (io.pressure)",
                        score: stall.someAvg10 / 100)
        }
        return finding.evidence.isEmpty ? nil : finding
    }

    /// "read 1MB/s, write 100 IOPS": the throttles set on one device.
    static func describe(_ limit: IOLimit) -> String {
        var parts: [String] = []
        if let value = limit.readBytesPerSecond { parts.append("read " + Units.rate(Double(value))) }
        if let value = limit.writeBytesPerSecond { parts.append("write " + Units.rate(Double(value))) }
        if let value = limit.readIOPerSecond { parts.append("read \(value) IOPS") }
        if let value = limit.writeIOPerSecond { parts.append("write \(value) IOPS") }
        return parts.joined(separator: ", ")
    }

    /// One line for a healthy container: where it stands on each resource.
    static func summary(_ usage: ContainerUsage) -> String {
        var parts: [String] = []
        if let percent = usage.cpuPercent {
            parts.append("cpu \(Units.fixed(percent / 100, decimals: 2)) of \(Units.fixed(usage.cpusAllowed, decimals: 2)) CPUs")
        }
        parts.append("memory \(Units.binary(usage.memoryUsage)) of \(Units.binary(usage.memoryLimit))")
        let pids = usage.sample.stats.pids
        parts.append("pids \(pids.current)" + (usage.sample.limits.pids.map { " of \($0)" } ?? ""))
        return parts.joined(separator: ", ")
    }
}

/// A resource a container can run out of.
public enum Resource: String, Sendable, Equatable {
    case cpu, memory, io, pids
}

/// One resource's evidence of being the limit.
public struct Finding: Sendable, Equatable {
    public var resource: Resource
    /// The strongest sign, 0...1 (may exceed 1 past a limit).
    public var score: Double = 0
    /// The measurements, joined with "; ".
    public var evidence: String = ""
    public var action: String

    init(resource: Resource, action: String) {
        self.resource = resource
        self.action = action
    }

    mutating func add(_ text: String, score: Double) {
        evidence += evidence.isEmpty ? text : "; " + text
        self.score = max(self.score, score)
    }
}

/// The analysis of one container: its findings, strongest first.
public struct Diagnosis: Sendable, Equatable {
    public var id: String
    public var root: String
    public var findings: [Finding]
    /// Where it stands, for the healthy line.
    public var summary: String

    /// "cpu", "memory", "io", "pids", or "healthy".
    public var verdict: String { findings.first?.resource.rawValue ?? "healthy" }
    public var evidence: String { findings.first?.evidence ?? summary }
    public var action: String { findings.first?.action ?? "none" }
}
