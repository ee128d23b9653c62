import StrataSystem

/// Access bits as the BPF device context spells them (BPF_DEVCG_ACC_*).
struct DeviceAccess: OptionSet, Hashable, Sendable {
    let rawValue: UInt8
    static let mknod = DeviceAccess(rawValue: 1)
    static let read = DeviceAccess(rawValue: 2)
    static let write = DeviceAccess(rawValue: 4)
    static let all: DeviceAccess = [.mknod, .read, .write]
}

/// What a devices controller ends up with after a list of rules: a default action and the
/// exceptions to it, each a device pattern with the access it covers.
///
/// Why emulate instead of translating rule by rule: the same `DeviceRule` list is written
/// verbatim to devices.allow/devices.deny on cgroup v1, where the kernel applies it like
/// this, and runc (since 1.0) builds its v2 program from the same emulation. So a rule list
/// means the same on both hierarchies and under runc:
///
/// - an "a" rule resets everything before it: allow "a" means allow-all, deny "a" deny-all;
/// - a rule whose action differs from the default adds an exception (access merges into an
///   exception for the very same type/major/minor);
/// - a rule whose action equals the default takes its access away from the exception for
///   the very same pattern only (a wildcard removal leaves narrower exceptions in place).
///
/// The list starts from deny-all, as runc's does, so rules without a leading "a" form an
/// allow-list. crun differs: it evaluates the rules last-first and the first match wins
/// (older runc did the same). The two agree on every list runtimes generate (deny-all, then
/// allows) and differ only when a later narrow rule contradicts an earlier wildcard, e.g.
/// allow "c *:* rwm" then deny "c 1:3 rwm". v1 silently keeps such a device open; like
/// runc, this refuses the list rather than pretend the hole was punched.
struct DeviceExceptions: Equatable {
    /// A device pattern; nil major or minor matches every number.
    struct Pattern: Hashable, Comparable {
        /// BPF_DEVCG_DEV_BLOCK (1) or BPF_DEVCG_DEV_CHAR (2).
        var type: Int32
        var major: Int64?
        var minor: Int64?

        /// runc's order (major, minor, type; wildcards first), so programs can be compared
        /// with runc's instruction for instruction.
        static func < (a: Pattern, b: Pattern) -> Bool {
            let am = a.major ?? -1, bm = b.major ?? -1
            if am != bm { return am < bm }
            let an = a.minor ?? -1, bn = b.minor ?? -1
            if an != bn { return an < bn }
            return a.type < b.type
        }
    }

    static let blockType: Int32 = 1
    static let charType: Int32 = 2

    var defaultAllow = false
    var exceptions: [Pattern: DeviceAccess] = [:]

    init() {}

    init(_ rules: [DeviceRule]) throws(StrataError) {
        for rule in rules { try apply(rule) }
    }

    /// The exceptions in a stable order, for a deterministic program.
    var ordered: [(pattern: Pattern, access: DeviceAccess)] {
        exceptions.keys.sorted().compactMap { key in exceptions[key].map { (key, $0) } }
    }

    mutating func apply(_ rule: DeviceRule) throws(StrataError) {
        if rule.type == "a" {
            defaultAllow = rule.allow
            exceptions = [:]
            return
        }
        let pattern = try Self.pattern(rule)
        let access = try Self.access(rule)
        if access.isEmpty { return }
        if rule.allow != defaultAllow {
            exceptions[pattern, default: []].formUnion(access)
        } else {
            try remove(access, from: pattern, rule: rule)
        }
    }

    mutating func remove(_ access: DeviceAccess, from pattern: Pattern, rule: DeviceRule) throws(StrataError) {
        // A broader exception of the same type that shares access would keep the device
        // reachable: the controller has no way to subtract from a wildcard.
        let broader = [
            Pattern(type: pattern.type, major: nil, minor: pattern.minor),
            Pattern(type: pattern.type, major: pattern.major, minor: nil),
            Pattern(type: pattern.type, major: nil, minor: nil),
        ]
        for wider in broader where wider != pattern {
            if let held = exceptions[wider], !held.intersection(access).isEmpty {
                throw StrataError("apply device rule", Self.describe(rule), reason:
                    "cannot carve a hole in the earlier wildcard rule \(Self.describe(wider, held))")
            }
        }
        guard var held = exceptions[pattern] else { return }
        held.subtract(access)
        exceptions[pattern] = held.isEmpty ? nil : held
    }

    static func pattern(_ rule: DeviceRule) throws(StrataError) -> Pattern {
        let type: Int32
        switch rule.type {
        case "b": type = blockType
        case "c": type = charType
        default: throw StrataError("apply device rule", describe(rule), reason: "type must be \"a\", \"b\" or \"c\"")
        }
        return Pattern(type: type, major: try number(rule.major, "major", rule),
                       minor: try number(rule.minor, "minor", rule))
    }

    /// nil, or -1 as runc's configs write it, is the wildcard. The program compares
    /// against 32-bit immediates; real numbers are far smaller (12-bit majors, 20-bit minors).
    static func number(_ value: Int64?, _ name: String, _ rule: DeviceRule) throws(StrataError) -> Int64? {
        guard let value, value != -1 else { return nil }
        guard value >= 0 && value <= Int64(Int32.max) else {
            throw StrataError("apply device rule", describe(rule), reason: "invalid \(name) number \(value)")
        }
        return value
    }

    static func access(_ rule: DeviceRule) throws(StrataError) -> DeviceAccess {
        var access: DeviceAccess = []
        for ch in rule.access {
            switch ch {
            case "r": access.insert(.read)
            case "w": access.insert(.write)
            case "m": access.insert(.mknod)
            default: throw StrataError("apply device rule", describe(rule), reason: "unknown access \"\(ch)\"")
            }
        }
        return access
    }

    static func describe(_ rule: DeviceRule) -> String {
        let major = rule.major.map(String.init) ?? "*"
        let minor = rule.minor.map(String.init) ?? "*"
        return "\(rule.allow ? "allow" : "deny") \(rule.type) \(major):\(minor) \(rule.access)"
    }

    static func describe(_ pattern: Pattern, _ access: DeviceAccess) -> String {
        let type = pattern.type == blockType ? "b" : "c"
        let major = pattern.major.map(String.init) ?? "*"
        let minor = pattern.minor.map(String.init) ?? "*"
        var letters = ""
        if access.contains(.read) { letters += "r" }
        if access.contains(.write) { letters += "w" }
        if access.contains(.mknod) { letters += "m" }
        return "\(type) \(major):\(minor) \(letters)"
    }
}
