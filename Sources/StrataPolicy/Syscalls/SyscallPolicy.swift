/// The `syscalls` section: what `strata audit serve` answers for a notified syscall.
///
/// Rules name syscalls; the first rule naming a syscall decides. allow and audit let the
/// kernel run it (SECCOMP_USER_NOTIF_FLAG_CONTINUE: the usual permission checks still
/// apply), deny fails it with EPERM. Every notification is recorded either way.
public struct SyscallPolicy: Sendable {
    public struct SyscallRule: Sendable {
        public var id: String
        public var names: Set<String>
        public var effect: Effect
        public var severity: Severity
    }

    public var defaultEffect: Effect = .deny
    public var rules: [SyscallRule] = []

    public init() {}

    /// The rule for a syscall name, or nil when the default applies.
    public func rule(for name: String) -> SyscallRule? {
        rules.first { $0.names.contains(name) }
    }

    init(_ field: PolicyField) throws(PolicyField.Problem) {
        let m = try field.object(allowing: ["defaultEffect", "rules"])
        defaultEffect = try field.member(m, "defaultEffect")?.oneOf(Effect.self) ?? .deny
        for r in try field.member(m, "rules")?.array() ?? [] {
            let rm = try r.object(allowing: ["id", "names", "effect", "severity"])
            guard let names = try r.member(rm, "names")?.strings(), !names.isEmpty else {
                throw PolicyField.Problem(path: r.path + ".names", reason: "required: a list of syscall names")
            }
            // A misspelt name would never be notified, so its rule would never apply.
            if let i = names.firstIndex(where: { !SyscallNames.isKnown($0) }) {
                throw PolicyField.Problem(path: r.path + ".names[\(i)]",
                                          reason: "unknown syscall \"\(names[i])\" (not known to libseccomp on this architecture)")
            }
            guard let effect = try r.member(rm, "effect")?.oneOf(Effect.self) else {
                throw PolicyField.Problem(path: r.path + ".effect", reason: "required (allow, deny or audit)")
            }
            rules.append(SyscallRule(id: try r.member(rm, "id")?.string() ?? names.joined(separator: ","),
                                     names: Set(names), effect: effect,
                                     severity: try r.member(rm, "severity")?.oneOf(Severity.self) ?? .medium))
        }
    }
}
