import StrataMetrics
import StrataSpec

/// The table and JSON forms of `strata stats` and `strata stats --analyze`.
enum StatsRendering {
    static func usageTable(_ usages: [ContainerUsage]) -> String {
        var rows = [["CONTAINER ID", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"]]
        for usage in usages {
            let net = usage.sample.networkIO
            let block = usage.sample.blockIO
            rows.append([DisplayID.short(usage.sample.container.id),
                         usage.cpuPercent.map(Units.percent) ?? "--",
                         Units.binary(usage.memoryUsage) + " / " + Units.binary(usage.memoryLimit),
                         Units.percent(usage.memoryPercent),
                         Units.decimal(net.received) + " / " + Units.decimal(net.sent),
                         Units.decimal(block.read) + " / " + Units.decimal(block.write),
                         String(usage.sample.stats.pids.current)])
        }
        return StatsTable.render(rows)
    }

    static func analysisTable(_ diagnoses: [Diagnosis]) -> String {
        var rows = [["CONTAINER ID", "BOTTLENECK", "EVIDENCE", "SUGGESTION"]]
        for diagnosis in diagnoses {
            rows.append([DisplayID.short(diagnosis.id), diagnosis.verdict, diagnosis.evidence, diagnosis.action])
        }
        return StatsTable.render(rows)
    }

    /// One JSON object per container and line, as `docker stats --format json` prints.
    static func usageJSON(_ usage: ContainerUsage) -> String {
        let sample = usage.sample
        let net = sample.networkIO
        let block = sample.blockIO
        var object: [String: JSONValue] = [
            "id": .string(sample.container.id), "root": .string(sample.container.root),
            "pid": .int(Int64(sample.container.pid)), "status": .string(sample.container.status),
            "cgroup": .string(sample.cgroup),
            "cpu_percent": number(usage.cpuPercent), "cpus_allowed": .double(usage.cpusAllowed),
            "efficiency_percent": number(usage.efficiency),
            "cpu_usage_seconds": .double(Double(sample.stats.cpu.usage.total) / 1e9),
            "cpu_periods": count(usage.periods), "cpu_throttled_periods": count(usage.throttledPeriods),
            "memory_usage_bytes": count(usage.memoryUsage), "memory_limit_bytes": count(usage.memoryLimit),
            "memory_percent": .double(usage.memoryPercent),
            "net_rx_bytes": count(net.received), "net_tx_bytes": count(net.sent),
            "block_read_bytes": count(block.read), "block_write_bytes": count(block.write),
            "pids": count(sample.stats.pids.current),
            "pids_limit": sample.limits.pids.map(count) ?? .null,
            "oom_kills": count(sample.events.oomKills),
        ]
        if let pressure = sample.pressure {
            var psi: [String: JSONValue] = [:]
            for (name, stall) in [("cpu", pressure.cpu), ("memory", pressure.memory), ("io", pressure.io)] {
                guard let stall else { continue }
                psi[name] = .object(["some_avg10": .double(stall.someAvg10), "full_avg10": .double(stall.fullAvg10)])
            }
            object["pressure"] = .object(psi)
        }
        return JSONValue.object(object).jsonText()
    }

    static func analysisJSON(_ diagnosis: Diagnosis) -> String {
        let findings: [JSONValue] = diagnosis.findings.map { finding in
            .object(["resource": .string(finding.resource.rawValue), "score": .double(finding.score),
                     "evidence": .string(finding.evidence), "action": .string(finding.action)])
        }
        return JSONValue.object([
            "id": .string(diagnosis.id), "root": .string(diagnosis.root), "bottleneck": .string(diagnosis.verdict),
            "evidence": .string(diagnosis.evidence), "action": .string(diagnosis.action), "findings": .array(findings),
        ]).jsonText()
    }

    static func number(_ value: Double?) -> JSONValue { value.map { .double($0) } ?? .null }
    static func count(_ value: UInt64) -> JSONValue { value <= UInt64(Int64.max) ? .int(Int64(value)) : .uint(value) }
}
