import ArgumentParser

/// `strata`: the engine and sandbox CLI for people. It never links the runtime library;
/// containers are made by running `strun` (or runc/crun) as a subprocess.
public struct StrataCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "Strata: sandboxes, policy and metrics on top of the strun OCI runtime.",
        subcommands: [PolicyCommand.self, AuditCommand.self, StatsCommand.self, MetricsCommand.self,
                      // images (StrataImage)
                      PullCommand.self, ImagesCommand.self, ImageCommand.self, TagCommand.self, RmiCommand.self,
                      LoginCommand.self, LogoutCommand.self])

    public init() {}
}
