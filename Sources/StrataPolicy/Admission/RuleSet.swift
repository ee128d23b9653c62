import StrataSpec

/// A policy's admission rules in their compiled form (`PolicyCoding`), tested where they lie.
///
/// strun evaluates a policy once per create, in a process that ends right after: building
/// fifty `Rule` values with their lists and sets, only to free them again, cost more than
/// the tests themselves. Here a rule is read from the bytes, condition by condition, and
/// only a rule that matches is built, to say why. Every byte is checked on the way: damaged
/// bytes make `matches` return nil, and the policy then refuses the container.
public struct RuleSet: Sendable {
    /// The rules' bytes are `storage[range]`: a policy read from its cache entry keeps the
    /// entry's payload whole rather than copying the rules out of it.
    let storage: [UInt8]
    let range: Range<Int>
    /// How many rules the bytes hold.
    public let count: Int

    init(_ rules: [Rule]) {
        var w = ByteWriter()
        for rule in rules { w.rule(rule) }
        self.init(bytes: w.bytes, count: rules.count)
    }

    init(bytes: [UInt8], count: Int) {
        self.init(storage: bytes, range: bytes.indices, count: count)
    }

    init(storage: [UInt8], range: Range<Int>, count: Int) {
        self.storage = storage
        self.range = range
        self.count = count
    }

    /// The rules' bytes alone.
    var bytes: [UInt8] { Array(storage[range]) }

    private func withBytes<T>(_ body: (UnsafeRawBufferPointer) -> T) -> T {
        storage.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[range])) }
    }

    /// Every rule, built (for reports and tests; evaluation does not need them).
    var rules: [Rule]? {
        withBytes { buffer in
            var r = ByteReader(buffer)
            var out: [Rule] = []
            for _ in 0..<count {
                guard let rule = r.rule() else { return nil }
                out.append(rule)
            }
            return r.atEnd ? out : nil
        }
    }

    /// How many rules match, and the effects among them.
    struct Scan: Sendable {
        var count = 0
        /// Bit `code` set when a matched rule has the effect of that code.
        var effects: UInt8 = 0

        func has(_ effect: Effect) -> Bool { effects & Scan.bit(effect) != 0 }

        static func bit(_ effect: Effect) -> UInt8 {
            UInt8(1) << effect.code
        }
    }

    /// The rules every condition of which holds for `facts`, without building any: an
    /// admitted container needs only their effects, and building a `Rule` (its strings, its
    /// conditions, the array types the runtime instantiates on first use) cost more than
    /// all fifty tests. Each match's offset goes to `found` (for `match(at:_:)`); nil when
    /// the bytes are damaged.
    func scan(_ facts: ConfigFacts, _ found: (Int) -> Void = { _ in }) -> Scan? {
        withBytes { buffer -> Scan? in
            var r = ByteReader(buffer)
            var out = Scan()
            for _ in 0..<count {
                let start = r.offset
                guard var rule = r.block(), rule.stringBytes() != nil, rule.stringBytes() != nil,
                      rule.severity() != nil, let effect = rule.effect(), rule.optionalString() != nil,
                      let n = rule.count() else { return nil }
                var all = true
                // Every condition is read, even after one fails, so that damage anywhere is seen.
                for _ in 0..<n {
                    guard let raw = rule.byte(), let tag = ConditionTag(rawValue: raw), var operands = rule.block(),
                          let holds = operands.holds(tag, facts), operands.atEnd else { return nil }
                    all = all && holds
                }
                guard rule.atEnd else { return nil }
                if all {
                    found(start)
                    out.count += 1
                    out.effects |= Scan.bit(effect)
                }
            }
            return r.atEnd ? out : nil
        }
    }

    /// The rule at `offset` (one `scan` found), built, with why it matches `facts`.
    func match(at offset: Int, _ facts: ConfigFacts) -> RuleMatch? {
        withBytes { buffer -> RuleMatch? in
            var r = ByteReader(buffer, from: offset)
            guard let rule = r.rule() else { return nil }
            return RuleMatch(rule: rule, reason: rule.reason(given: facts))
        }
    }

    /// The rules every condition of which holds for `facts`, in order, with their reasons;
    /// nil when the bytes are damaged.
    func matches(_ facts: ConfigFacts) -> [RuleMatch]? {
        var out: [RuleMatch] = []
        var whole = true
        guard scan(facts, { offset in
            if let m = match(at: offset, facts) { out.append(m) } else { whole = false }
        }) != nil, whole else { return nil }
        return out
    }
}

extension ByteReader {
    /// Whether a condition's operands hold for `facts` (the compiled twin of
    /// `Condition.reason`, which says why); nil when they are damaged. Reads them all.
    mutating func holds(_ tag: ConditionTag, _ facts: ConfigFacts) -> Bool? {
        switch tag {
        case .capabilities:
            guard let (mask, others) = capabilityOperands() else { return nil }
            var list = others
            let other = list.anyString { wanted in facts.otherCapabilities.contains { utf8Equals($0, wanted) } } == true
            return mask & facts.capabilityMask != 0 || other
        case .capabilitiesOutside:
            guard let (mask, allowed) = capabilityOperands() else { return nil }
            return facts.capabilityMask & ~mask != 0 || facts.otherCapabilities.contains { cap in
                var list = allowed
                return list.anyString { utf8Equals(cap, $0) } == false
            }
        case .hostNamespaces:
            return smallMask().map { $0 & ~facts.newNamespaceMask != 0 }
        case .mount:
            guard let types = optionalList(), let sources = optionalList(), let destinations = optionalList() else { return nil }
            return facts.mountTypes.indices.contains { i in
                Self.listHolds(types, facts.mountTypes[i], glob: false)
                    && Self.listHolds(sources, facts.mountSources[i], glob: true)
                    && Self.listHolds(destinations, facts.mountDestinations[i], glob: true)
            }
        case .readonlyRootfs: return bool().map { $0 == facts.readonlyRootfs }
        case .runAsRoot: return bool().map { $0 == (facts.uid == 0) }
        case .seccompUnconfined: return bool().map { $0 == facts.seccompUnconfined }
        case .noNewPrivileges: return bool().map { $0 == facts.noNewPrivileges }
        case .missingLimits:
            return smallMask().map { $0 & ~facts.limitMask != 0 }
        case .devices:
            guard let n = count(), n <= remaining else { return nil }
            // Most configs allow no device beyond the defaults: then only the bytes are checked.
            let anyDevice = !facts.deviceRules.isEmpty || !facts.deviceNodes.isEmpty
            var found = false
            for _ in 0..<n {
                guard let p = devicePattern() else { return nil }
                found = found || (anyDevice && p.allowed(by: facts))
            }
            return found
        case .annotations:
            guard let n = count(), n <= remaining else { return nil }
            var found = false
            for _ in 0..<n {
                guard let key = stringBytes(), let pattern = stringBytes() else { return nil }
                if !found, !facts.annotations.isEmpty, let actual = facts.annotations[String(decoding: key, as: UTF8.self)] {
                    found = Glob.matches(pattern, actual)
                }
            }
            return found
        case .images:
            guard let image = facts.image else { return skipStrings() ? false : nil }
            return anyString { Glob.matches($0, image) }
        case .sysctls:
            let patterns = self
            guard skipStrings() else { return nil }
            return facts.sysctls.contains { name in
                var list = patterns
                return list.anyString { Glob.matches($0, name) } == true
            }
        }
    }

    /// A capability condition's operands: its mask, with every stored name this build knows
    /// folded in (an entry written by a build whose table lacked that capability: the facts
    /// hold it in the mask now), and a reader over the stored names; this reader moves past them.
    mutating func capabilityOperands() -> (mask: UInt64, others: ByteReader)? {
        guard let mask = mask() else { return nil }
        let others = self
        var known: UInt64 = 0
        guard anyString({ name in
            known |= ConfigFacts.capabilityBit(String(decoding: name, as: UTF8.self)) ?? 0
            return false
        }) != nil else { return nil }
        return (mask | known, others)
    }

    /// Reads a list of strings; whether any satisfies `test` (nil when damaged).
    mutating func anyString(_ test: (UnsafeRawBufferPointer) -> Bool) -> Bool? {
        guard let n = count(), n <= remaining else { return nil }
        var found = false
        for _ in 0..<n {
            guard let s = stringBytes() else { return nil }
            found = found || test(s)
        }
        return found
    }

    mutating func skipStrings() -> Bool {
        anyString { _ in false } != nil
    }

    /// An optional list: `.some(nil)` when absent, else a reader at its start; this
    /// reader moves past it. nil when damaged.
    mutating func optionalList() -> ByteReader?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        let list = self
        return skipStrings() ? .some(list) : nil
    }

    /// An absent list admits everything; a present one must hold `text` (or a glob of it).
    static func listHolds(_ list: ByteReader?, _ text: String, glob: Bool) -> Bool {
        guard var list else { return true }
        return list.anyString { glob ? Glob.matches($0, text) : utf8Equals(text, $0) } == true
    }
}
