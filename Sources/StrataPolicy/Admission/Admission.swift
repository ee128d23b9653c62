#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// Admission control as `strun create`/`run` applies it: find the policy, evaluate the
/// config, record the decision, refuse a denied container before anything exists.
public enum Admission {
    /// The well-known policy file, enforced when present and nothing else is configured.
    public static let wellKnownPath = "/etc/strata/policy.json"
    /// The environment variable naming a policy file.
    public static let environmentVariable = "STRATA_POLICY"

    /// The policy in force: `--policy`, else $STRATA_POLICY, else the well-known file if
    /// it exists; nil when there is none.
    public static func policyPath(flag: String?) -> String? {
        if let flag, !flag.isEmpty { return flag }
        if let env = getenv(environmentVariable), env.pointee != 0 { return String(cString: env) }
        return access(wellKnownPath, F_OK) == 0 ? wellKnownPath : nil
    }

    /// Evaluates the policy at `policyPath` on `spec` and records the decision in the
    /// policy's audit log; throws naming every violated rule when it denies. With a
    /// `cacheRoot` (strun's state root) the policy is read through `PolicyCache`.
    public static func enforce(policyPath: String, spec: Spec, id: String, bundle: String,
                               cacheRoot: String? = nil) throws(StrataError) {
        let policy = try PolicyCache.load(policyPath, root: cacheRoot)
        let decision = policy.evaluate(spec)
        let records = auditRecords(decision, policy: policy, id: id, bundle: bundle)
        if !records.isEmpty {
            do { try AuditLog(path: policy.auditLog).append(records) } catch {
                // Fail closed: a decision that cannot be recorded is not taken.
                throw error.within("policy \(policyPath)")
            }
        }
        if !decision.allowed {
            throw StrataError("policy \(policyPath) denies container", "\"\(id)\"", reason: decision.denialReason())
        }
    }

    /// The audit records of one decision: deny and audit matches always, allow matches of
    /// an admitted config (and a default allow) when the policy records allowed containers.
    public static func auditRecords(_ decision: Decision, policy: Policy, id: String, bundle: String,
                                    uid: uid_t? = nil) -> [[String: JSONValue]] {
        // The caller's uid, asked of the kernel only when there is something to record.
        let uid = { uid ?? getuid() }
        func record(rule: String, effect: Effect, severity: Severity, reason: String) -> [String: JSONValue] {
            ["source": "create", "policy": .string(policy.path), "uid": .int(Int64(uid())), "id": .string(id),
             "bundle": .string(bundle), "rule": .string(rule), "effect": .string(effect.rawValue),
             "severity": .string(severity.rawValue), "decision": .string(decision.word), "reason": .string(reason)]
        }
        if decision.byDefault {
            guard decision.defaultEffect != .allow || policy.recordAllowed else { return [] }
            return [record(rule: "(default)", effect: decision.defaultEffect, severity: .medium,
                           reason: "no rule matched")]
        }
        // Nothing but allow rules matched, and those are not recorded: nothing to build.
        if !policy.recordAllowed && !decision.matched(.deny) && !decision.matched(.audit) { return [] }
        // A denied config's allow matches did not decide anything: only what refused it is kept.
        return decision.matches.filter { $0.rule.effect != .allow || (policy.recordAllowed && decision.allowed) }
            .map { record(rule: $0.rule.id, effect: $0.rule.effect, severity: $0.rule.severity, reason: $0.reason) }
    }
}
