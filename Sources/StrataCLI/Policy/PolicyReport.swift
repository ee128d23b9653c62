import StrataSystem
import StrataSpec
import StrataPolicy

/// What `strata policy report` shows: the audit log summed up.
struct PolicyReport {
    var log: String
    var records = 0
    var bySource: [String: Int] = [:]
    var bySeverity: [String: Int] = [:]
    var byEffect: [String: Int] = [:]
    var byDecision: [String: Int] = [:]
    var byRule: [String: Int] = [:]
    var ruleSeverity: [String: String] = [:]
    /// The most recent deny records, newest last.
    var recent: [[String: JSONValue]] = []

    /// Reads every record of `log`; a line that does not parse is skipped (verify names it).
    init(log: AuditLog, recentLimit: Int) throws(StrataError) {
        self.log = log.path
        let bytes = try Files.read(log.path)
        for line in bytes.split(separator: 0x0a) {
            guard case .object(let r)? = try? JSONValue(parsing: line) else { continue }
            records += 1
            // A suppressed summary stands for that many notifications.
            let weight = Int(Self.int(r["suppressed"]) ?? 1)
            bySource[Self.text(r["source"]) ?? "?", default: 0] += weight
            if let s = Self.text(r["severity"]) { bySeverity[s, default: 0] += weight }
            if let e = Self.text(r["effect"]) { byEffect[e, default: 0] += weight }
            let decision = Self.text(r["decision"]) ?? "?"
            byDecision[decision, default: 0] += weight
            if let rule = Self.text(r["rule"]) {
                byRule[rule, default: 0] += weight
                ruleSeverity[rule] = Self.text(r["severity"])
            }
            if decision == "deny" {
                recent.append(r)
                if recent.count > recentLimit { recent.removeFirst() }
            }
        }
    }

    var topRules: [(rule: String, count: Int)] {
        byRule.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(10).map { ($0.key, $0.value) }
    }

    var json: JSONValue {
        func counts(_ d: [String: Int]) -> JSONValue { .object(d.mapValues { .int(Int64($0)) }) }
        return [
            "log": .string(log), "records": .int(Int64(records)), "bySource": counts(bySource),
            "bySeverity": counts(bySeverity), "byEffect": counts(byEffect), "byDecision": counts(byDecision),
            "topRules": .array(topRules.map { ["rule": .string($0.rule), "count": .int(Int64($0.count)),
                                               "severity": .string(ruleSeverity[$0.rule] ?? "")] }),
            "recentViolations": .array(recent.map { .object($0) }),
        ]
    }

    var text: String {
        func line(_ d: [String: Int], order: [String]) -> String {
            let keys = order.filter { d[$0] != nil } + d.keys.filter { !order.contains($0) }.sorted()
            return keys.isEmpty ? "none" : keys.map { "\($0) \(d[$0] ?? 0)" }.joined(separator: ", ")
        }
        var out = "audit log \(log): \(records) records (\(line(bySource, order: ["create", "monitor"])))\n"
        out += "by severity: \(line(bySeverity, order: Severity.allCases.reversed().map(\.rawValue)))\n"
        out += "by effect:   \(line(byEffect, order: ["deny", "audit", "allow"]))\n"
        out += "by decision: \(line(byDecision, order: ["deny", "allow"]))\n"
        out += "rules that matched most:\n"
        for (rule, count) in topRules { out += "  \(count)\t\(rule) (\(ruleSeverity[rule] ?? "?"))\n" }
        out += "recent violations:\n"
        for r in recent {
            let what = Self.text(r["syscall"]).map { "syscall \($0)" } ?? Self.text(r["reason"]) ?? ""
            out += "  \(Self.text(r["time"]) ?? "?")  \(Self.text(r["id"]) ?? "?")  rule \(Self.text(r["rule"]) ?? "?")"
                + " (\(Self.text(r["severity"]) ?? "?")): \(what)\n"
        }
        return out
    }

    static func text(_ v: JSONValue?) -> String? {
        if case .string(let s)? = v { return s }
        return nil
    }

    static func int(_ v: JSONValue?) -> Int64? {
        if case .int(let i)? = v { return i }
        return nil
    }
}
