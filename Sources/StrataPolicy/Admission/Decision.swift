import StrataSpec

/// A rule that matched a config, and why.
public struct RuleMatch: Sendable {
    public var rule: Rule
    public var reason: String
}

/// The outcome of evaluating a policy on one config.
public struct Decision: Sendable {
    /// Whether the container may be created.
    public var allowed: Bool
    /// Every rule that matched, in policy order.
    public var matches: [RuleMatch]
    /// No rule matched: the policy's default effect decided.
    public var byDefault: Bool
    public var defaultEffect: Effect

    /// The matched deny rules: what the error lists.
    public var violations: [RuleMatch] { matches.filter { $0.rule.effect == .deny } }

    /// "deny" or "allow", as the audit log writes it.
    public var word: String { allowed ? "allow" : "deny" }

    /// Every violated rule with id, severity and reason, for the create error.
    public func denialReason() -> String {
        if byDefault {
            return "no rule allows this config and the default effect is deny"
        }
        return violations.map { "rule \($0.rule.id) (\($0.rule.severity.rawValue)): \($0.reason)" }
            .joined(separator: "; ")
    }
}

extension Policy {
    /// Evaluates every rule on the config. A matched deny rule refuses it; otherwise a
    /// matched allow or audit rule admits it; a config no rule matches gets the default.
    public func evaluate(_ spec: Spec) -> Decision {
        let facts = ConfigFacts(spec)
        guard let matches = ruleSet.matches(facts) else {
            // Only a compiled form altered after its checksum was taken gets here: refuse.
            let damaged = Rule(id: "(damaged)", name: "damaged policy", severity: .critical, effect: .deny,
                               reason: nil, conditions: [])
            let why = "the compiled form of this policy is unreadable: remove the state root's @policy directory"
            return Decision(allowed: false, matches: [RuleMatch(rule: damaged, reason: why)], byDefault: false,
                            defaultEffect: defaultEffect)
        }
        let denied = matches.contains { $0.rule.effect == .deny }
        let byDefault = matches.isEmpty
        let allowed = byDefault ? defaultEffect != .deny : !denied
        return Decision(allowed: allowed, matches: matches, byDefault: byDefault, defaultEffect: defaultEffect)
    }
}

extension Rule {
    /// Why the rule matches, once `RuleSet` found that every condition holds: the policy's
    /// own words, else each condition's reason.
    func reason(given facts: ConfigFacts) -> String {
        if let reason { return reason }
        let reasons = conditions.compactMap { $0.reason(facts) }
        return reasons.isEmpty ? "matches every config" : reasons.joined(separator: ", ")
    }
}
