import ArgumentParser

/// `strata`: the tool for people. It never links the runtime library; it reads what
/// runtimes report by running `strun` (or runc/crun) as a subprocess.
public struct StrataCommand: AsyncParsableCommand {
    /// Describes only the verbs that exist: a verb is named here when it is added.
    public static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "Images, policy, audit and metrics for containers run by the strun OCI runtime (or runc, crun).",
        version: "strata version \(version)\ncommit: \(BuildInfo.commit)",
        subcommands: [PolicyCommand.self, AuditCommand.self, StatsCommand.self, MetricsCommand.self,
                      // images (StrataImage)
                      PullCommand.self, ImagesCommand.self, ImageCommand.self, TagCommand.self, RmiCommand.self,
                      LoginCommand.self, LogoutCommand.self])

    /// The release version, the same as strun's.
    public static let version = "0.1.0"

    public init() {}
}
