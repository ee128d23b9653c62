import ArgumentParser
import StrataSystem
import StrataSpec
import StrataPolicy

/// `strata policy`.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy", abstract: "Check OCI configs against a security policy; report on decisions.",
        subcommands: [PolicyCheckCommand.self, PolicyReportCommand.self])
}

enum OutputFormat: String, ExpressibleByArgument {
    case text, json
}

/// `strata policy check CONFIG.json`: strun's admission decision, without creating anything
/// or writing the audit log.
struct PolicyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Dry run: the decision strun would take on a config (exit 1 when denied).")

    @Argument(help: "An OCI config.json, or a bundle directory.")
    var config: String

    @Option(name: .long, help: "The policy file (default: $STRATA_POLICY, else /etc/strata/policy.json if present).")
    var policy: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        guard let path = Admission.policyPath(flag: policy) else {
            throw StrataError.message("no policy: give --policy FILE, set $STRATA_POLICY or install \(Admission.wellKnownPath)")
        }
        let loaded = try PolicyParser.load(path)
        let file = Files.isDirectory(config) ? Paths.join(config, "config.json") : config
        let spec: Spec
        do { spec = try Spec.load(file: file) } catch { throw StrataError.message(error.description) }
        let decision = loaded.evaluate(spec)
        if format == .json {
            let matches: [JSONValue] = decision.matches.map {
                ["rule": .string($0.rule.id), "name": .string($0.rule.name), "effect": .string($0.rule.effect.rawValue),
                 "severity": .string($0.rule.severity.rawValue), "reason": .string($0.reason)]
            }
            say(JSONValue.object([
                "config": .string(file), "policy": .string(path), "decision": .string(decision.word),
                "byDefault": .bool(decision.byDefault), "matches": .array(matches),
            ]).jsonText(pretty: true))
        } else {
            say("\(decision.word): \(file) (policy \(path))")
            if decision.byDefault { say("  no rule matched: default effect \(decision.defaultEffect.rawValue)") }
            for m in decision.matches {
                say("  \(m.rule.effect.rawValue)\t\(m.rule.severity.rawValue)\t\(m.rule.id)\t\(m.reason)")
            }
        }
        if !decision.allowed { throw ExitCode(1) }
    }
}

/// `strata policy report`: counts and recent violations from the audit log.
struct PolicyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Counts by severity and effect, the rules that matched most and the recent violations.")

    @OptionGroup var options: PolicyLogOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "How many recent violations to list.")
    var recent: Int = 10

    func run() throws {
        let report = try PolicyReport(log: try options.auditLog(), recentLimit: max(0, recent))
        if format == .json {
            say(report.json.jsonText(pretty: true))
        } else {
            try? Files.writeAll(fd: 1, Array(report.text.utf8), name: "stdout")
        }
    }
}
