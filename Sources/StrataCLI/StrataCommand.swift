import ArgumentParser

/// `strata`: the tool for people. It never links the runtime library; it reads what
/// runtimes report by running `strun` (or runc/crun) as a subprocess.
public struct StrataCommand: AsyncParsableCommand {
    /// Describes only the verbs that exist: a verb is named here when it is added.
    public static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "Policy, audit and metrics for containers run by the strun OCI runtime (or runc, crun).",
        discussion: """
            strata does not run containers itself yet: clients (containerd, Docker, Podman, \
            Kubernetes) run them through strun, and strata checks their configs against a policy, \
            verifies the audit log, and shows their resource usage.
            """,
        version: "strata version \(version)\ncommit: \(BuildInfo.commit)",
        subcommands: [PolicyCommand.self, AuditCommand.self, StatsCommand.self, MetricsCommand.self])

    /// The release version, the same as strun's.
    public static let version = "0.1.0"

    public init() {}
}
