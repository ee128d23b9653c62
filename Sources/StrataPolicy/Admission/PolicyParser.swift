import StrataSystem
import StrataSpec

/// Reads a policy file (JSON; the schema is in policies/README.md) into a `Policy` whose
/// rules are ready to evaluate. Every mistake is reported with its JSON path, and unknown
/// members are refused, so that a typo cannot weaken a policy unnoticed.
public enum PolicyParser {
    public static func load(_ path: String) throws(StrataError) -> Policy {
        try parse(Files.read(path), path: path)
    }

    public static func parse(_ bytes: [UInt8], path: String) throws(StrataError) -> Policy {
        let document: JSONValue
        do { document = try JSONValue(parsing: bytes) } catch {
            throw StrataError("policy", path, reason: error.description)
        }
        do {
            return try policy(PolicyField(root: document), path: path)
        } catch {
            throw StrataError("policy", path, reason: "\(error.path.isEmpty ? "" : error.path + ": ")\(error.reason)")
        }
    }

    private static func policy(_ root: PolicyField, path: String) throws(PolicyField.Problem) -> Policy {
        let members = try root.object(allowing: Keys.policy)
        guard let version = members["strataPolicy"], version == .int(1) else {
            throw PolicyField.Problem(path: "strataPolicy", reason: "must be 1 (the policy format version)")
        }
        var policy = Policy(path: path, name: try root.member(members, "name")?.string() ?? "",
                            defaultEffect: try root.member(members, "defaultEffect")?.oneOf(Effect.self) ?? .deny,
                            rules: [], auditLog: Policy.defaultAuditLog, recordAllowed: true,
                            syscalls: SyscallPolicy())
        if let audit = root.member(members, "audit") {
            let a = try audit.object(allowing: Keys.audit)
            if let p = audit.member(a, "path") {
                policy.auditLog = try p.string()
                guard policy.auditLog.hasPrefix("/") else { throw PolicyField.Problem(path: p.path, reason: "must be an absolute path") }
            }
            policy.recordAllowed = try audit.member(a, "recordAllowed")?.bool() ?? true
        }
        var ids: Set<String> = []
        var rules: [Rule] = []
        for field in try root.member(members, "rules")?.array() ?? [] {
            let r = try rule(field)
            guard ids.insert(r.id).inserted else { throw PolicyField.Problem(path: field.path + ".id", reason: "duplicate rule id \"\(r.id)\"") }
            rules.append(r)
        }
        policy.rules = rules
        if let syscalls = root.member(members, "syscalls") {
            policy.syscalls = try SyscallPolicy(syscalls)
        }
        return policy
    }

    private static func rule(_ field: PolicyField) throws(PolicyField.Problem) -> Rule {
        let m = try field.object(allowing: Keys.rule)
        guard let idField = field.member(m, "id") else { throw PolicyField.Problem(path: field.path + ".id", reason: "required") }
        let id = try idField.string()
        guard !id.isEmpty else { throw PolicyField.Problem(path: idField.path, reason: "must not be empty") }
        guard let effect = try field.member(m, "effect")?.oneOf(Effect.self) else {
            throw PolicyField.Problem(path: field.path + ".effect", reason: "required (allow, deny or audit)")
        }
        return Rule(id: id, name: try field.member(m, "name")?.string() ?? id,
                    severity: try field.member(m, "severity")?.oneOf(Severity.self) ?? .medium,
                    effect: effect, reason: try field.member(m, "reason")?.string(),
                    conditions: try field.member(m, "match").map(conditions) ?? [])
    }

    /// The members each object may have; built once, not per rule.
    enum Keys {
        static let policy: Set<String> = ["strataPolicy", "name", "description", "defaultEffect", "audit", "rules", "syscalls"]
        static let audit: Set<String> = ["path", "recordAllowed"]
        static let rule: Set<String> = ["id", "name", "description", "severity", "effect", "match", "reason"]
        static let match: Set<String> = [
            "capabilities", "capabilitiesOutside", "hostNamespaces", "mount", "readonlyRootfs", "runAsRoot",
            "seccompUnconfined", "noNewPrivileges", "missingLimits", "devices", "annotations", "images", "sysctls",
        ]
        static let mount: Set<String> = ["type", "source", "destination"]
    }

    static let namespaceTypes: Set<String> = ["pid", "network", "ipc", "uts", "user", "mount", "cgroup", "time"]
    static let limitKinds: Set<String> = ["memory", "cpu", "pids"]

    private static func conditions(_ field: PolicyField) throws(PolicyField.Problem) -> [Condition] {
        let m = try field.object(allowing: Keys.match)
        var out: [Condition] = []
        // A fixed order, so that reasons read the same way every time.
        for key in m.keys.sorted() {
            guard let f = field.member(m, key) else { continue }
            switch key {
            case "capabilities": out.append(.capabilities(try capabilityNames(f)))
            case "capabilitiesOutside": out.append(.capabilitiesOutside(try capabilityNames(f)))
            case "hostNamespaces":
                let names = try f.strings().map { $0 == "net" ? "network" : $0 }
                let types = try f.replacing(with: .array(names.map { .string($0) })).strings(from: namespaceTypes)
                // One canonical order, the one the compiled form's mask gives back.
                out.append(.hostNamespaces(NamespaceTypes.all.filter(types.contains)))
            case "mount":
                let mm = try f.object(allowing: Keys.mount)
                out.append(.mount(types: try f.member(mm, "type")?.strings(), sources: try f.member(mm, "source")?.strings(),
                                  destinations: try f.member(mm, "destination")?.strings()))
            case "readonlyRootfs": out.append(.readonlyRootfs(try f.bool()))
            case "runAsRoot": out.append(.runAsRoot(try f.bool()))
            case "seccompUnconfined": out.append(.seccompUnconfined(try f.bool()))
            case "noNewPrivileges": out.append(.noNewPrivileges(try f.bool()))
            case "missingLimits":
                let kinds = try f.strings(from: limitKinds)
                out.append(.missingLimits(ConfigFacts.limitKinds.filter(kinds.contains)))
            case "devices":
                var patterns: [DevicePattern] = []
                for (i, text) in try f.strings().enumerated() {
                    guard let p = devicePattern(text) else {
                        throw PolicyField.Problem(path: f.path + "[\(i)]", reason: "\"\(text)\" is not a device: use \"c 1:3\", \"b 8:*\", \"a *:*\" or a /dev path")
                    }
                    patterns.append(p)
                }
                out.append(.devices(patterns))
            case "annotations":
                guard case .object(let members) = f.value else {
                    throw PolicyField.Problem(path: f.path, reason: "expected an object of key: value-pattern, got \(f.value.kindName)")
                }
                var list: [AnnotationPattern] = []
                for key in members.keys.sorted() {
                    guard let v = f.member(members, key) else { continue }
                    list.append(AnnotationPattern(key: key, pattern: try v.string()))
                }
                out.append(.annotations(list))
            case "images": out.append(.images(try f.strings()))
            default: out.append(.sysctls(try f.strings()))
            }
        }
        return out
    }

    /// Canonical names (CAP_X), sorted, each once. A name the capability table does not
    /// hold is refused: a rule naming `CAP_SYS_ADMN` would load, never match, and admit
    /// the very containers it was written against.
    private static func capabilityNames(_ field: PolicyField) throws(PolicyField.Problem) -> [String] {
        var names: Set<String> = []
        for (i, given) in try field.strings().enumerated() {
            let name = ConfigFacts.capabilityName(given)
            guard Capabilities.number(of: name) != nil else {
                throw PolicyField.Problem(path: field.path + "[\(i)]",
                                          reason: "unknown capability \"\(given)\"" + ClosestName.hint(name, in: Capabilities.names))
            }
            names.insert(name)
        }
        return names.sorted()
    }

    /// `c 1:3`, `b 8:*`, `a`, `a *:*` or `/dev/...`.
    static func devicePattern(_ text: String) -> DevicePattern? {
        if text.hasPrefix("/") { return DevicePattern(path: text) }
        let parts = text.split(separator: " ")
        guard let type = parts.first.map(String.init), ["a", "c", "b"].contains(type), parts.count <= 2 else { return nil }
        var p = DevicePattern(type: type)
        guard parts.count == 2 else { return p }
        let numbers = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard numbers.count == 2 else { return nil }
        func number(_ s: Substring) -> (ok: Bool, value: Int64?) {
            if s == "*" { return (true, nil) }
            guard let n = Int64(s), n >= 0 else { return (false, nil) }
            return (true, n)
        }
        let (okMajor, major) = number(numbers[0])
        let (okMinor, minor) = number(numbers[1])
        guard okMajor, okMinor else { return nil }
        p.major = major
        p.minor = minor
        return p
    }
}
