import ArgumentParser
import StrataSystem
import StrataSpec
import StrataPolicy

/// `strata audit`.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify the audit log; serve a live seccomp syscall monitor.",
        subcommands: [AuditVerifyCommand.self, AuditServeCommand.self, AuditProfileCommand.self])
}

/// `strata audit verify`: checks the hash chain and names the first bad record.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Check the audit log's hash chain; name the first bad record.")

    @OptionGroup var options: PolicyLogOptions

    func run() throws {
        let log = try options.auditLog()
        let report = try AuditVerifier.verify(log)
        if let bad = report.firstBad {
            say("\(log.path): record at line \(bad.line) is bad: \(bad.reason) (\(report.records) good records before it)")
            throw ExitCode(1)
        }
        say("\(log.path): ok, \(report.records) records, chain intact, last hash \(report.lastHash)"
            + (report.headMissing ? " (no head file: removal of the last records cannot be checked)" : ""))
    }
}

/// `strata audit serve --socket PATH`: the seccomp notify agent.
struct AuditServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve seccomp notifications (linux.seccomp.listenerPath): record each syscall, answer from the policy.",
        discussion: """
            Containers whose config sends syscalls to SCMP_ACT_NOTIFY with listenerPath set to --socket are \
            watched: each notified syscall is recorded in the audit log (container id, pid, syscall, arguments) \
            and answered from the policy's "syscalls" rules: allow and audit let it run, deny fails it with EPERM. \
            `strata audit profile` prints such a seccomp section. While no monitor runs, the kernel fails the \
            notified syscalls of running containers with ENOSYS, and new containers fail to create.
            """)

    @Option(name: .long, help: "The Unix socket to listen on.")
    var socket: String

    @OptionGroup var options: PolicyLogOptions

    func run() throws {
        var policy = try options.loadPolicy()
        if let log = options.log { policy.auditLog = log }
        let monitor = SyscallMonitor(policy: policy, log: AuditLog(path: policy.auditLog), socketPath: socket)
        try monitor.run {
            say("strata audit serve: listening on \(socket), recording to \(policy.auditLog)")
        }
    }
}

/// `strata audit profile --socket PATH`: the seccomp section that sends sensitive syscalls to the monitor.
struct AuditProfileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Print a linux.seccomp section that notifies the monitor of sensitive syscalls.")

    @Option(name: .long, help: "The monitor's socket (listenerPath).")
    var socket: String

    @Option(name: .long, help: "listenerMetadata to pass to the monitor.")
    var metadata: String?

    func run() {
        say(MonitorProfile.seccomp(socket: socket, metadata: metadata).jsonText(pretty: true))
    }
}
