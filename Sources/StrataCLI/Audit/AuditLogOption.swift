import ArgumentParser
import StrataSystem
import StrataPolicy

/// `--policy FILE` and `--log FILE`, shared by the audit and policy commands: the log is
/// --log, else the one the policy names, else the default.
struct PolicyLogOptions: ParsableArguments {
    @Option(name: .long, help: "The policy file (default: $STRATA_POLICY, else /etc/strata/policy.json if present).")
    var policy: String?

    @Option(name: .long, help: "The audit log (default: the policy's audit.path, else \(Policy.defaultAuditLog)).")
    var log: String?

    /// The policy in force, or the built-in one (no rules, deny by default) when none is configured.
    func loadPolicy() throws(StrataError) -> Policy {
        guard let path = Admission.policyPath(flag: policy) else { return Policy.builtIn() }
        return try PolicyParser.load(path)
    }

    func auditLog() throws(StrataError) -> AuditLog {
        if let log { return AuditLog(path: log) }
        return AuditLog(path: try loadPolicy().auditLog)
    }
}

/// Writes a line to stdout.
func say(_ text: String) {
    try? Files.writeAll(fd: 1, Array((text + "\n").utf8), name: "stdout")
}
