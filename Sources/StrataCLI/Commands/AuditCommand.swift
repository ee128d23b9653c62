import ArgumentParser

/// `strata audit`.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Verify the audit log; serve a live seccomp syscall monitor.")
}
