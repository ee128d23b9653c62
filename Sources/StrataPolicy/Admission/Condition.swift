import StrataSpec

/// A device a rule asks about: `c 1:3`, `b 8:*`, `a *:*` or a path glob (`/dev/kmsg`).
struct DevicePattern: Sendable {
    var path: String?
    /// "a", "c" or "b".
    var type = "a"
    /// nil for `*`.
    var major: Int64?
    var minor: Int64?

    var text: String {
        if let path { return path }
        return "\(type) \(major.map(String.init) ?? "*"):\(minor.map(String.init) ?? "*")"
    }

    /// A cgroup allow rule grants the whole pattern.
    func grantedBy(_ rule: LinuxDeviceCgroup) -> Bool {
        guard path == nil else { return false }
        let ruleType = rule.type ?? "a"
        let typeOK = ruleType == "a" || (type != "a" && ruleType == type)
        let majorOK = (rule.major ?? -1) < 0 || (major != nil && rule.major == major)
        let minorOK = (rule.minor ?? -1) < 0 || (minor != nil && rule.minor == minor)
        return typeOK && majorOK && minorOK
    }

    /// The config allows the pattern: a cgroup rule grants it, or a device node it creates
    /// falls under it.
    func allowed(by facts: ConfigFacts) -> Bool {
        facts.deviceRules.contains(where: grantedBy) || facts.deviceNodes.contains(where: includes)
    }

    /// A device node the container gets falls under the pattern.
    func includes(_ node: LinuxDevice) -> Bool {
        if let path { return Glob.matches(path, node.path) }
        let nodeType = node.type == "u" ? "c" : node.type
        return (type == "a" || type == nodeType) && (major == nil || major == node.major)
            && (minor == nil || minor == node.minor)
    }
}

/// An annotation a rule asks about: its key, and a glob its value must match.
struct AnnotationPattern: Sendable {
    var key: String
    var pattern: String
}

/// One test of a rule's `match` on the config's facts, prepared when the policy is read.
/// `reason` is nil when the condition does not hold, else why it does.
enum Condition: Sendable {
    /// Canonical names (`CAP_X`), sorted, without repeats.
    case capabilities([String])
    case capabilitiesOutside([String])
    /// In `NamespaceTypes.all` order, without repeats.
    case hostNamespaces([String])
    case mount(types: [String]?, sources: [String]?, destinations: [String]?)
    case readonlyRootfs(Bool)
    case runAsRoot(Bool)
    case seccompUnconfined(Bool)
    case noNewPrivileges(Bool)
    /// In `ConfigFacts.limitKinds` order, without repeats.
    case missingLimits([String])
    case devices([DevicePattern])
    case annotations([AnnotationPattern])
    case images([String])
    case sysctls([String])

    /// Why the condition holds, or nil when it does not (`RuleSet` tests it without the why).
    func reason(_ facts: ConfigFacts) -> String? {
        switch self {
        case .capabilities(let wanted):
            let hits = wanted.filter(facts.hasCapability)
            return hits.isEmpty ? nil : "adds " + hits.joined(separator: ", ")
        case .capabilitiesOutside(let allowed):
            let extra = facts.capabilityNames.filter { !allowed.contains($0) }
            return extra.isEmpty ? nil : "adds " + extra.joined(separator: ", ") + " (outside the allowed set)"
        case .hostNamespaces(let types):
            let shared = types.filter { !facts.hasNewNamespace($0) }
            return shared.isEmpty ? nil : "shares the host's " + shared.joined(separator: ", ") + " namespace"
                + (shared.count > 1 ? "s" : "")
        case .mount(let types, let sources, let destinations):
            for i in facts.mountTypes.indices {
                let (type, source, destination) = (facts.mountTypes[i], facts.mountSources[i], facts.mountDestinations[i])
                if let types, !types.contains(type) { continue }
                if let sources, !Glob.matchesAny(sources, source) { continue }
                if let destinations, !Glob.matchesAny(destinations, destination) { continue }
                return "mounts \(source.isEmpty ? "(none)" : source) at \(destination) (type \(type))"
            }
            return nil
        case .readonlyRootfs(let wanted):
            return facts.readonlyRootfs == wanted ? (wanted ? "read-only rootfs" : "writable rootfs") : nil
        case .runAsRoot(let wanted):
            return (facts.uid == 0) == wanted ? "runs as uid \(facts.uid)" : nil
        case .seccompUnconfined(let wanted):
            return facts.seccompUnconfined == wanted
                ? (wanted ? "no seccomp filter (absent or default action allow)" : "seccomp filter with a non-allow default") : nil
        case .noNewPrivileges(let wanted):
            return facts.noNewPrivileges == wanted ? "noNewPrivileges \(wanted ? "on" : "off")" : nil
        case .missingLimits(let kinds):
            let missing = kinds.filter(facts.lacksLimit)
            return missing.isEmpty ? nil : "no " + missing.joined(separator: ", ") + " limit"
        case .devices(let patterns):
            for p in patterns {
                if p.allowed(by: facts) {
                    return "allows device \(p.text)"
                }
            }
            return nil
        case .annotations(let pairs):
            for pair in pairs {
                if let actual = facts.annotations[pair.key], Glob.matches(pair.pattern, actual) {
                    return "annotation \(pair.key)=\(actual)"
                }
            }
            return nil
        case .images(let patterns):
            guard let image = facts.image, Glob.matchesAny(patterns, image) else { return nil }
            return "image \(image)"
        case .sysctls(let patterns):
            let hits = facts.sysctls.filter { Glob.matchesAny(patterns, $0) }.sorted()
            return hits.isEmpty ? nil : "sets sysctl " + hits.joined(separator: ", ")
        }
    }

}
