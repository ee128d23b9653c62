/// What a rule does when it matches.
public enum Effect: String, Sendable, CaseIterable {
    /// The container may run.
    case allow
    /// The container is refused; the error lists the rule.
    case deny
    /// The container may run and the match is recorded in the audit log.
    case audit

    /// The effect's number in a compiled policy. A switch, not `allCases`: that is an array
    /// built anew on every read, and the compiled rules are read once per rule per create.
    var code: UInt8 {
        switch self {
        case .allow: return 0
        case .deny: return 1
        case .audit: return 2
        }
    }

    init?(code: UInt8) {
        switch code {
        case 0: self = .allow
        case 1: self = .deny
        case 2: self = .audit
        default: return nil
        }
    }
}

/// How serious a match is, low to critical (ordered).
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case low, medium, high, critical

    /// 0 for low up to 3 for critical.
    public var rank: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .high: return 2
        case .critical: return 3
        }
    }

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    init?(rank: Int) {
        switch rank {
        case 0: self = .low
        case 1: self = .medium
        case 2: self = .high
        case 3: self = .critical
        default: return nil
        }
    }
}

/// One admission rule of a policy file, with its match compiled.
public struct Rule: Sendable {
    public var id: String
    public var name: String
    public var severity: Severity
    public var effect: Effect
    /// Text shown instead of the generated reason, when the policy gives one.
    public var reason: String?
    /// Every condition must hold for the rule to match; none means it always matches.
    var conditions: [Condition]
}

/// A whole policy: admission rules, the default, the audit log, the syscall rules.
public struct Policy: Sendable {
    /// The file it was read from ("" when built in code).
    public var path: String
    public var name: String
    /// The effect when no rule matches (deny unless the policy says otherwise).
    public var defaultEffect: Effect
    /// The rules in compiled form (see `RuleSet`).
    public internal(set) var ruleSet: RuleSet
    /// The rules, built from `ruleSet`.
    public var rules: [Rule] {
        get { ruleSet.rules ?? [] }
        set { ruleSet = RuleSet(newValue) }
    }
    /// Where decisions are recorded.
    public var auditLog: String
    /// Whether allow decisions are recorded too (deny and audit always are).
    public var recordAllowed: Bool
    public var syscalls: SyscallPolicy

    /// The audit log when the policy names none.
    public static let defaultAuditLog = "/var/lib/strata/audit.jsonl"

    public init(path: String, name: String, defaultEffect: Effect, rules: [Rule], auditLog: String,
                recordAllowed: Bool, syscalls: SyscallPolicy) {
        self.init(path: path, name: name, defaultEffect: defaultEffect, ruleSet: RuleSet(rules), auditLog: auditLog,
                  recordAllowed: recordAllowed, syscalls: syscalls)
    }

    init(path: String, name: String, defaultEffect: Effect, ruleSet: RuleSet, auditLog: String,
         recordAllowed: Bool, syscalls: SyscallPolicy) {
        self.path = path
        self.name = name
        self.defaultEffect = defaultEffect
        self.ruleSet = ruleSet
        self.auditLog = auditLog
        self.recordAllowed = recordAllowed
        self.syscalls = syscalls
    }
}

extension Policy {
    /// The policy without a file: no rules, deny by default, the default audit log.
    public static func builtIn() -> Policy {
        Policy(path: "", name: "built-in", defaultEffect: .deny, rules: [], auditLog: defaultAuditLog,
               recordAllowed: true, syscalls: SyscallPolicy())
    }
}
