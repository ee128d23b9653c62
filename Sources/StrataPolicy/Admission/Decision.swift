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
    /// No rule matched: the policy's default effect decided.
    public var byDefault: Bool
    public var defaultEffect: Effect
    /// What matched, as `RuleSet.scan` found it, or built already.
    let found: Found

    enum Found: Sendable {
        case built([RuleMatch])
        /// Built from the compiled rules when `matches` is read: strun reads it only to
        /// record or refuse, never for a plainly admitted container.
        case compiled(RuleSet, RuleSet.Scan, ConfigFacts)
    }

    init(allowed: Bool, found: Found, byDefault: Bool, defaultEffect: Effect) {
        self.allowed = allowed
        self.found = found
        self.byDefault = byDefault
        self.defaultEffect = defaultEffect
    }

    /// Every rule that matched, in policy order (built on each read).
    public var matches: [RuleMatch] {
        switch found {
        case .built(let matches):
            return matches
        case .compiled(let rules, _, let facts):
            // The first scan has read these bytes whole already: they cannot fail here.
            return rules.matches(facts) ?? []
        }
    }

    /// Whether a matched rule has this effect, without building the matches.
    func matched(_ effect: Effect) -> Bool {
        switch found {
        case .built(let matches): return matches.contains { $0.rule.effect == effect }
        case .compiled(_, let scan, _): return scan.has(effect)
        }
    }

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
        guard let scan = ruleSet.scan(facts) else {
            // Only a compiled form altered after its checksum was taken gets here: refuse.
            let damaged = Rule(id: "(damaged)", name: "damaged policy", severity: .critical, effect: .deny,
                               reason: nil, conditions: [])
            let why = "the compiled form of this policy is unreadable: remove the state root's @policy directory"
            return Decision(allowed: false, found: .built([RuleMatch(rule: damaged, reason: why)]), byDefault: false,
                            defaultEffect: defaultEffect)
        }
        let byDefault = scan.count == 0
        let allowed = byDefault ? defaultEffect != .deny : !scan.has(.deny)
        return Decision(allowed: allowed, found: .compiled(ruleSet, scan, facts), byDefault: byDefault,
                        defaultEffect: defaultEffect)
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
