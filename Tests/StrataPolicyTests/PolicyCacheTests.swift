#if canImport(Glibc)
import Glibc
#endif
import Testing
import StrataSpec
import StrataSystem
@testable import StrataPolicy

/// A policy with every kind of condition, an audit section and syscall rules.
let everyCondition = #"""
{"strataPolicy": 1, "name": "all", "defaultEffect": "audit",
 "audit": {"path": "/var/log/x.jsonl", "recordAllowed": false},
 "rules": [
  {"id": "caps", "effect": "deny", "severity": "critical", "match": {"capabilities": ["SYS_ADMIN", "CAP_NET_RAW", "cap_checkpoint_restore"]}},
  {"id": "outside", "effect": "audit", "severity": "low", "match": {"capabilitiesOutside": ["CAP_KILL"]}},
  {"id": "ns", "effect": "deny", "match": {"hostNamespaces": ["net", "pid", "net"]}},
  {"id": "mnt", "effect": "deny", "match": {"mount": {"type": ["bind"], "source": ["/var/run/*.sock"], "destination": ["/x"]}}},
  {"id": "mnt2", "effect": "deny", "match": {"mount": {"destination": ["/proc"]}}},
  {"id": "bools", "effect": "audit", "reason": "custom words",
   "match": {"readonlyRootfs": false, "runAsRoot": true, "seccompUnconfined": true, "noNewPrivileges": false}},
  {"id": "limits", "effect": "audit", "severity": "high", "match": {"missingLimits": ["pids", "memory", "cpu"]}},
  {"id": "dev", "effect": "deny", "match": {"devices": ["a *:*", "c 1:3", "b 8:*", "/dev/kmsg"]}},
  {"id": "ann", "effect": "deny", "match": {"annotations": {"a.b": "x*", "c": "?"}}},
  {"id": "img", "effect": "deny", "match": {"images": ["docker.io/evil/*"]}},
  {"id": "sys", "effect": "deny", "match": {"sysctls": ["kernel.*"]}},
  {"id": "any", "effect": "allow"}
 ],
 "syscalls": {"defaultEffect": "allow", "rules": [{"id": "m", "names": ["mount", "umount2"], "effect": "deny", "severity": "high"}]}}
"""#

@Suite struct PolicyCacheTests {
    @Test func compiledFormRoundTrips() throws {
        let parsed = try policy(everyCondition)
        let bytes = parsed.compiled()
        let decoded = try #require(Policy(compiled: bytes))
        #expect(decoded.compiled() == bytes)
        #expect(decoded.rules.map(\.id) == parsed.rules.map(\.id))
        // Masks in the compiled form give back the parser's canonical lists (a capability
        // name the table lacks no longer parses: see PolicyParserTests).
        #expect(String(describing: decoded.rules.map(\.conditions)) == String(describing: parsed.rules.map(\.conditions)))
        #expect(String(describing: parsed.rules[0].conditions) == #"[StrataPolicy.Condition.capabilities(["CAP_CHECKPOINT_RESTORE", "CAP_NET_RAW", "CAP_SYS_ADMIN"])]"#)
        #expect(String(describing: parsed.rules[2].conditions) == #"[StrataPolicy.Condition.hostNamespaces(["pid", "network"])]"#)
        #expect(decoded.defaultEffect == .audit && !decoded.recordAllowed && decoded.auditLog == "/var/log/x.jsonl")
        #expect(decoded.syscalls.rule(for: "umount2")?.effect == .deny)
        // The same decisions, with the same reasons, on a config most rules match.
        var spec = baseSpec()
        spec.process?.capabilities?.effective = ["CAP_SYS_ADMIN"]
        spec.linux?.sysctl = ["kernel.shmmax": "1"]
        spec.annotations = ["a.b": "xyz", "io.containerd.image.name": "docker.io/evil/app"]
        spec.linux?.namespaces?.removeAll { $0.type == "network" }
        let a = parsed.evaluate(spec), b = decoded.evaluate(spec)
        #expect(a.matches.map(\.rule.id) == b.matches.map(\.rule.id))
        #expect(a.matches.map(\.reason) == b.matches.map(\.reason))
        #expect(a.denialReason() == b.denialReason())
    }

    @Test func damagedBytesAreRefused() throws {
        let bytes = try policy(everyCondition).compiled()
        #expect(Policy(compiled: Array(bytes.dropLast())) == nil)
        #expect(Policy(compiled: bytes + [0]) == nil)
        #expect(Policy(compiled: Array(bytes.prefix(bytes.count / 2))) == nil)
        #expect(Policy(compiled: []) == nil)
    }

    /// The compiled test (`RuleSet`) is the twin of `Condition.reason`: they must agree on
    /// every condition.
    @Test func compiledTestAgreesWithReason() throws {
        let p = try policy(everyCondition)
        var specs = [baseSpec()]
        var busy = baseSpec()
        busy.process?.capabilities?.bounding = ["CAP_NET_RAW", "CAP_KILL"]
        busy.linux?.sysctl = ["kernel.x": "1", "net.y": "2"]
        busy.annotations = ["c": "z", "a.b": "xx", "io.kubernetes.cri.image-name": "docker.io/evil/x"]
        busy.linux?.resources = LinuxResources(devices: [LinuxDeviceCgroup(allow: true, type: "c", major: 1, minor: 3, access: "rwm")])
        busy.mounts?.append(Mount(destination: "/x", type: "none", source: "/var/run/docker.sock", options: ["rbind"]))
        busy.linux?.namespaces?.removeAll { $0.type == "pid" }
        specs.append(busy)
        var future = baseSpec()
        future.process?.capabilities?.ambient = ["CAP_FUTURE", "cap_kill"]
        specs.append(future)
        var held = 0
        for spec in specs {
            let facts = ConfigFacts(spec)
            for rule in p.rules {
                for c in rule.conditions {
                    let one = RuleSet([Rule(id: "t", name: "t", severity: .low, effect: .deny, reason: nil, conditions: [c])])
                    let compiled = try #require(one.matches(facts)).count == 1
                    #expect(compiled == (c.reason(facts) != nil), "rule \(rule.id)")
                    held += compiled ? 1 : 0
                }
            }
        }
        #expect(held > 10, "the busy config should make most conditions hold")
    }

    /// An entry written by a build whose capability table lacked a name keeps it as a
    /// string; a build that knows it holds it in the facts' mask, and must still match it.
    @Test func storedNamesThisBuildKnowsAreTestedAgainstTheMask() throws {
        func rules(_ tag: ConditionTag, _ names: [String]) -> RuleSet {
            var w = ByteWriter()
            w.block { r in
                r.string("old")
                r.string("old")
                r.severity(.high)
                r.effect(.deny)
                r.optionalString(nil)
                r.count(1)
                r.byte(tag.rawValue)
                r.block { o in
                    o.mask(0)
                    o.strings(names)
                }
            }
            return RuleSet(bytes: w.bytes, count: 1)
        }
        var spec = baseSpec()
        spec.process?.capabilities = LinuxCapabilities(bounding: ["CAP_KILL"], effective: ["CAP_KILL"])
        let facts = ConfigFacts(spec)
        #expect(try #require(rules(.capabilities, ["CAP_KILL"]).matches(facts)).count == 1)
        #expect(try #require(rules(.capabilities, ["CAP_SYS_ADMIN"]).matches(facts)).isEmpty)
        #expect(try #require(rules(.capabilitiesOutside, ["CAP_KILL"]).matches(facts)).isEmpty)
        #expect(try #require(rules(.capabilitiesOutside, ["CAP_SYS_ADMIN"]).matches(facts)).count == 1)
    }

    /// The compiled form writes namespace types and limit kinds as masks over these lists
    /// (and capabilities over the kernel's numbering, which only grows): changing either
    /// list needs a new version in `Policy.cacheMagic`, or entries written before would be
    /// read with the wrong bits.
    @Test func maskTablesArePinnedToTheCacheVersion() {
        #expect(Policy.cacheMagic == "strata-policy 4\n")
        #expect(NamespaceTypes.all == ["pid", "network", "mount", "ipc", "uts", "user", "cgroup", "time"])
        #expect(ConfigFacts.limitKinds == ["memory", "cpu", "pids"])
        #expect(Capabilities.names[21] == "CAP_SYS_ADMIN" && Capabilities.names[40] == "CAP_CHECKPOINT_RESTORE")
    }

    @Test func damagedRulesRefuseTheContainer() throws {
        var p = try policy(everyCondition)
        let good = p.ruleSet
        p.ruleSet = RuleSet(bytes: Array(good.bytes.dropLast(2)), count: good.count)
        let d = p.evaluate(baseSpec())
        #expect(!d.allowed)
        #expect(d.denialReason().contains("(damaged)"))
        p.ruleSet = RuleSet(bytes: good.bytes, count: good.count + 1)
        #expect(!p.evaluate(baseSpec()).allowed)
    }

    @Test func cacheServesTheSameTextAndReparsesAnEdit() throws {
        let dir = tempDirectory("policy-cache")
        let path = dir + "/p.json"
        try Files.write(path, Array(everyCondition.utf8))
        let first = try PolicyCache.load(path, root: dir + "/root")
        let entries = try Files.list(dir + "/root/@policy")
        #expect(entries.count == 1)
        let second = try PolicyCache.load(path, root: dir + "/root")
        #expect(second.compiled() == first.compiled())
        #expect(second.path == path)

        // An edit is read anew, whatever the file's times say.
        try Files.write(path, Array(everyCondition.replacing("\"name\": \"all\"", with: "\"name\": \"alx\"").utf8))
        #expect(try PolicyCache.load(path, root: dir + "/root").name == "alx")
        // A policy the parser refuses fails even though an entry for the path exists.
        try Files.write(path, Array(#"{"strataPolicy": 1, "rulez": []}"#.utf8))
        #expect(throws: StrataError.self) { try PolicyCache.load(path, root: dir + "/root") }

        // A damaged entry is a miss, not an error.
        try Files.write(path, Array(everyCondition.utf8))
        _ = try PolicyCache.load(path, root: dir + "/root")
        let entry = dir + "/root/@policy/" + (try Files.list(dir + "/root/@policy"))[0]
        var bytes = try Files.read(entry)
        bytes[bytes.count - 1] ^= 0xff
        try Files.write(entry, bytes)
        #expect(try PolicyCache.load(path, root: dir + "/root").name == "all")
        try? Files.removeTree(dir)
    }
}

@Suite struct GlobTests {
    /// The Swift matcher must say what fnmatch says, for every pattern it takes over.
    @Test func wildcardAgreesWithFnmatch() {
        let patterns = ["", "*", "?", "a", "a*", "*a", "a*b", "*a*b*", "/var/run/*.sock", "docker.io/library/*",
                        "kernel.*", "?*?", "**", "a?c", "*.*", "deny-*", "/run/containerd/*", "x*y*z", "*/*",
                        // Brackets and escapes, reached early, late or never by the match.
                        "[ab]x", "a*[bc]", "*\\*", "[a-c]*", "x*[", "ab[", "a\\*", "*b[!a]", "/var/run/[d]*"]
        let texts = ["", "a", "b", "ab", "abc", "aXb", "aXbYb", "/var/run/docker.sock", "/var/run/x/y.sock",
                     "docker.io/library/busybox", "docker.io/library", "kernel.shmmax", "kernel", "deny-x", "deny",
                     "/run/containerd/containerd.sock", "xyz", "xaybzc", "a/b", ".hidden", "*", "?", "bx", "cx", "a*", "x[",
                     "ab[", "abb", "abc["]
        for p in patterns {
            for t in texts {
                let expected = fnmatch(p, t, 0) == 0
                #expect(Glob.matches(p, t) == expected, "\(p) on \(t)")
            }
        }
        // A NUL ends fnmatch's pattern: the matcher leaves it to fnmatch.
        #expect(Glob.matches("a\u{0}[b]", "a") == ("a\u{0}[b]".withCString { p in fnmatch(p, "a", 0) == 0 }))
        // Brackets and escapes still go to fnmatch.
        #expect(Glob.matches("[ab]x", "bx") && !Glob.matches("[ab]x", "cx"))
        #expect(Glob.matches("a\\*", "a*") && !Glob.matches("a\\*", "ab"))
    }
}
