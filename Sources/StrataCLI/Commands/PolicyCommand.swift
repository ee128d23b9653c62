import ArgumentParser

/// `strata policy`.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "policy", abstract: "Check OCI configs against a security policy; report on decisions.")
}
