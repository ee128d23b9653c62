import StrataSpec

/// The compiled form of a read policy, for `PolicyCache` and `RuleSet`.
///
/// Reading a 50-rule policy from JSON took ~0.3 ms per create (the JSON tree, then the rules
/// built from it). In this form the header is read eagerly and the rules stay bytes that
/// `RuleSet` tests where they lie. It holds only what the parser produced, so it carries no
/// validation of its own: an entry exists only for a source the parser accepted. Any change
/// here or in the parser's semantics bumps the version in `cacheMagic`.
///
/// Layout: path, name, default effect, audit log, recordAllowed, rule count, the rules as a
/// block, then the syscall section. A rule is a block: id, name, severity, effect, reason,
/// condition count, then each condition as a tag byte and a block of its operands.
/// Capabilities, namespace types and limit kinds are written as the masks `ConfigFacts`
/// keeps (plus, for capabilities, the names this build does not know), so that their test
/// is one AND.
extension Policy {
    /// The first line of a cache entry, naming the format's version (written out, not
    /// interpolated: reading an entry then runs no number formatting).
    static let cacheMagic = "strata-policy 4\n"

    /// The policy as bytes that `init(compiled:)` reads back.
    func compiled() -> [UInt8] {
        var w = ByteWriter()
        w.string(path)
        w.string(name)
        w.effect(defaultEffect)
        w.string(auditLog)
        w.bool(recordAllowed)
        w.count(ruleSet.count)
        w.count(ruleSet.bytes.count)
        w.bytes += ruleSet.bytes
        w.effect(syscalls.defaultEffect)
        w.count(syscalls.rules.count)
        for rule in syscalls.rules {
            w.string(rule.id)
            w.strings(rule.names.sorted())
            w.effect(rule.effect)
            w.severity(rule.severity)
        }
        return w.bytes
    }

    /// The policy `compiled()` wrote, or nil for bytes it did not write. The rules are
    /// checked when they are tested (`RuleSet.matches`), not here.
    init?(compiled bytes: [UInt8]) {
        guard let decoded = bytes.withUnsafeBytes({ Policy(compiled: $0, storage: bytes) }) else { return nil }
        self = decoded
    }

    /// Reads `storage`'s bytes (`buffer`) where they lie; the `RuleSet` keeps `storage`
    /// and the range of the rules' block in it.
    private init?(compiled buffer: UnsafeRawBufferPointer, storage: [UInt8]) {
        let decoded: Policy? = {
            var r = ByteReader(buffer)
            guard let path = r.string(), let name = r.string(), let defaultEffect = r.effect(),
                  let auditLog = r.string(), let recordAllowed = r.bool(), let ruleCount = r.count(),
                  let rules = r.block() else { return nil }
            var syscalls = SyscallPolicy()
            guard let syscallDefault = r.effect(), let syscallCount = r.count(), syscallCount <= r.remaining else { return nil }
            syscalls.defaultEffect = syscallDefault
            for _ in 0..<syscallCount {
                guard let id = r.string(), let names = r.strings(), let effect = r.effect(),
                      let severity = r.severity() else { return nil }
                syscalls.rules.append(SyscallPolicy.SyscallRule(id: id, names: Set(names), effect: effect, severity: severity))
            }
            guard r.atEnd else { return nil }
            let ruleSet = RuleSet(storage: storage, range: rules.offset..<rules.end, count: ruleCount)
            return Policy(path: path, name: name, defaultEffect: defaultEffect, ruleSet: ruleSet,
                          auditLog: auditLog, recordAllowed: recordAllowed, syscalls: syscalls)
        }()
        guard let decoded else { return nil }
        self = decoded
    }
}

enum ConditionTag: UInt8 {
    case capabilities, capabilitiesOutside, hostNamespaces, mount, readonlyRootfs, runAsRoot
    case seccompUnconfined, noNewPrivileges, missingLimits, devices, annotations, images, sysctls
}

extension ByteWriter {
    mutating func rule(_ rule: Rule) {
        block { w in
            w.string(rule.id)
            w.string(rule.name)
            w.severity(rule.severity)
            w.effect(rule.effect)
            w.optionalString(rule.reason)
            w.count(rule.conditions.count)
            for condition in rule.conditions { w.condition(condition) }
        }
    }

    mutating func condition(_ c: Condition) {
        byte(c.tag.rawValue)
        block { w in
            switch c {
            case .capabilities(let names), .capabilitiesOutside(let names):
                var mask: UInt64 = 0
                var others: [String] = []
                for name in names {
                    if let bit = ConfigFacts.capabilityBit(name) { mask |= bit } else { others.append(name) }
                }
                w.mask(mask)
                w.strings(others)
            case .hostNamespaces(let types):
                w.mask(ConfigFacts.bits(types, in: NamespaceTypes.all, below: 8))
            case .missingLimits(let kinds):
                w.mask(ConfigFacts.bits(kinds, in: ConfigFacts.limitKinds, below: 8))
            case .images(let l), .sysctls(let l):
                w.strings(l)
            case .mount(let types, let sources, let destinations):
                w.optionalStrings(types)
                w.optionalStrings(sources)
                w.optionalStrings(destinations)
            case .readonlyRootfs(let b), .runAsRoot(let b), .seccompUnconfined(let b), .noNewPrivileges(let b):
                w.bool(b)
            case .devices(let patterns):
                w.count(patterns.count)
                for p in patterns {
                    w.optionalString(p.path)
                    w.string(p.type)
                    w.optionalNumber(p.major)
                    w.optionalNumber(p.minor)
                }
            case .annotations(let pairs):
                w.count(pairs.count)
                for pair in pairs {
                    w.string(pair.key)
                    w.string(pair.pattern)
                }
            }
        }
    }
}

extension Condition {
    var tag: ConditionTag {
        switch self {
        case .capabilities: return .capabilities
        case .capabilitiesOutside: return .capabilitiesOutside
        case .hostNamespaces: return .hostNamespaces
        case .mount: return .mount
        case .readonlyRootfs: return .readonlyRootfs
        case .runAsRoot: return .runAsRoot
        case .seccompUnconfined: return .seccompUnconfined
        case .noNewPrivileges: return .noNewPrivileges
        case .missingLimits: return .missingLimits
        case .devices: return .devices
        case .annotations: return .annotations
        case .images: return .images
        case .sysctls: return .sysctls
        }
    }
}

extension ByteReader {
    /// The next rule, whole (its block's length prefix included).
    mutating func rule() -> Rule? {
        guard var r = block(), let id = r.string(), let name = r.string(), let severity = r.severity(),
              let effect = r.effect(), let reason = r.optionalString(), let n = r.count(), n <= r.remaining else { return nil }
        var conditions: [Condition] = []
        conditions.reserveCapacity(n)
        for _ in 0..<n {
            guard let c = r.condition() else { return nil }
            conditions.append(c)
        }
        guard r.atEnd else { return nil }
        return Rule(id: id, name: name, severity: severity, effect: effect, reason: reason, conditions: conditions)
    }

    mutating func condition() -> Condition? {
        guard let raw = byte(), let tag = ConditionTag(rawValue: raw), var r = block() else { return nil }
        let c: Condition?
        switch tag {
        case .capabilities: c = r.capabilityNames().map { .capabilities($0) }
        case .capabilitiesOutside: c = r.capabilityNames().map { .capabilitiesOutside($0) }
        case .hostNamespaces:
            c = r.smallMask().map { .hostNamespaces(ConfigFacts.members(of: NamespaceTypes.all, in: UInt64($0))) }
        case .mount:
            guard let types = r.optionalStrings(), let sources = r.optionalStrings(),
                  let destinations = r.optionalStrings() else { return nil }
            c = .mount(types: types, sources: sources, destinations: destinations)
        case .readonlyRootfs: c = r.bool().map { .readonlyRootfs($0) }
        case .runAsRoot: c = r.bool().map { .runAsRoot($0) }
        case .seccompUnconfined: c = r.bool().map { .seccompUnconfined($0) }
        case .noNewPrivileges: c = r.bool().map { .noNewPrivileges($0) }
        case .missingLimits:
            c = r.smallMask().map { .missingLimits(ConfigFacts.members(of: ConfigFacts.limitKinds, in: UInt64($0))) }
        case .devices:
            guard let n = r.count(), n <= r.remaining else { return nil }
            var patterns: [DevicePattern] = []
            for _ in 0..<n {
                guard let p = r.devicePattern() else { return nil }
                patterns.append(p)
            }
            c = .devices(patterns)
        case .annotations:
            guard let n = r.count(), n <= r.remaining else { return nil }
            var pairs: [AnnotationPattern] = []
            for _ in 0..<n {
                guard let key = r.string(), let pattern = r.string() else { return nil }
                pairs.append(AnnotationPattern(key: key, pattern: pattern))
            }
            c = .annotations(pairs)
        case .images: c = r.strings().map { .images($0) }
        case .sysctls: c = r.strings().map { .sysctls($0) }
        }
        return r.atEnd ? c : nil
    }

    /// A capability condition's names: the mask's, then the unknown ones, sorted as the
    /// parser sorts them.
    mutating func capabilityNames() -> [String]? {
        guard let mask = mask(), let others = strings() else { return nil }
        return (ConfigFacts.members(of: Capabilities.names, in: mask) + others).sorted()
    }

    mutating func devicePattern() -> DevicePattern? {
        guard let path = optionalString(), let type = string(), let major = optionalNumber(),
              let minor = optionalNumber() else { return nil }
        return DevicePattern(path: path, type: type, major: major, minor: minor)
    }
}
