import ArgumentParser

/// `strata`: the tool for people. It never links the runtime library; it reads what
/// runtimes report by running `strun` (or runc/crun) as a subprocess.
public struct StrataCommand: AsyncParsableCommand {
    /// Describes only the verbs that exist: a verb is named here when it is added.
    public static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "Containers, sandboxes, images, policy, audit and metrics on top of the strun OCI runtime.",
        discussion: """
            strata runs containers without a daemon: it prepares a bundle and runs strun (or runc, \
            crun: --runtime) as a subprocess, with one small monitor process per container.
            """,
        version: "strata version \(version)\ncommit: \(BuildInfo.commit)",
        subcommands: [
            // containers (StrataEngine)
            RunCommand.self, CreateCommand.self, StartCommand.self, StopCommand.self, KillCommand.self,
            RestartCommand.self, RemoveCommand.self, PsCommand.self, LogsCommand.self, ExecCommand.self,
            InspectCommand.self, WaitCommand.self, TopCommand.self, PortCommand.self, ContainerCommand.self,
            SandboxCommand.self, MonitorCommand.self,
            // images (StrataImage)
            PullCommand.self, ImagesCommand.self, ImageCommand.self, TagCommand.self, RmiCommand.self,
            LoginCommand.self, LogoutCommand.self,
            // security and observation
            PolicyCommand.self, AuditCommand.self, StatsCommand.self, MetricsCommand.self])

    /// The release version, the same as strun's.
    public static let version = "0.1.0"

    public init() {}
}
