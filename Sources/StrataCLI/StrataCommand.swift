import ArgumentParser

/// `strata`: the engine and sandbox CLI for people. It never links the runtime library;
/// containers are made by running `strun` (or runc/crun) as a subprocess.
public struct StrataCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "strata",
        abstract: "Strata: sandboxes, policy and metrics on top of the strun OCI runtime.",
        subcommands: [PolicyCommand.self, AuditCommand.self, StatsCommand.self, MetricsCommand.self,
                      // The engine (issue 19).
                      RunCommand.self, CreateCommand.self, StartCommand.self, StopCommand.self, KillCommand.self,
                      RestartCommand.self, RemoveCommand.self, PsCommand.self, LogsCommand.self, ExecCommand.self,
                      InspectCommand.self, WaitCommand.self, TopCommand.self, PortCommand.self, ContainerCommand.self,
                      MonitorCommand.self, SandboxCommand.self])

    public init() {}
}
