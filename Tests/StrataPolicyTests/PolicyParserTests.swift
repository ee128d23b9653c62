import Testing
import StrataSystem
import StrataSpec
@testable import StrataPolicy

func policy(_ text: String) throws -> Policy {
    try PolicyParser.parse(Array(text.utf8), path: "/p.json")
}

func parseError(_ text: String) -> String {
    do {
        _ = try policy(text)
        return "parsed"
    } catch {
        return "\(error)"
    }
}

@Suite struct PolicyParserTests {
    @Test func defaultsAreDenyAndTheDefaultLog() throws {
        let p = try policy(#"{"strataPolicy": 1}"#)
        #expect(p.defaultEffect == .deny)
        #expect(p.auditLog == Policy.defaultAuditLog)
        #expect(p.syscalls.defaultEffect == .deny)
        #expect(p.rules.isEmpty)
    }

    @Test func readsRulesWithTheirFields() throws {
        let p = try policy(#"""
            {"strataPolicy": 1, "defaultEffect": "audit", "audit": {"path": "/tmp/a.jsonl", "recordAllowed": false},
             "rules": [{"id": "r1", "name": "no admin", "severity": "critical", "effect": "deny",
                        "match": {"capabilities": ["sys_admin"]}}]}
            """#)
        #expect(p.defaultEffect == .audit)
        #expect(p.auditLog == "/tmp/a.jsonl")
        #expect(!p.recordAllowed)
        #expect(p.rules.count == 1)
        #expect(p.rules[0].severity == .critical)
        #expect(p.rules[0].name == "no admin")
    }

    @Test func errorsNameTheMember() {
        #expect(parseError(#"{"strataPolicy": 2}"#).contains("strataPolicy: must be 1"))
        #expect(parseError(#"{"strataPolicy": 1, "rules": [{"id": "a", "effect": "block"}]}"#)
            .contains("rules[0].effect: \"block\" is not one of allow, deny, audit"))
        #expect(parseError(#"{"strataPolicy": 1, "rules": [{"id": "a", "effect": "deny", "match": {"capabilites": []}}]}"#)
            .contains("rules[0].match.capabilites: unknown member"))
        #expect(parseError(#"{"strataPolicy": 1, "rules": [{"id": "a", "effect": "deny"}, {"id": "a", "effect": "allow"}]}"#)
            .contains("rules[1].id: duplicate rule id \"a\""))
        #expect(parseError(#"{"strataPolicy": 1, "rules": [{"effect": "deny"}]}"#).contains("rules[0].id: required"))
        #expect(parseError(#"{"strataPolicy": 1, "rules": [{"id": "a", "effect": "deny", "match": {"devices": ["x 1:2"]}}]}"#)
            .contains("rules[0].match.devices[0]"))
        #expect(parseError(#"{"strataPolicy": 1, "rules": [{"id": "a", "effect": "deny", "match": {"hostNamespaces": ["pidd"]}}]}"#)
            .contains("\"pidd\" is not one of"))
        #expect(parseError(#"{"strataPolicy": 1, "audit": {"path": "rel.jsonl"}}"#).contains("audit.path: must be an absolute path"))
        #expect(parseError(#"{"strataPolicy": 1,"#).hasPrefix("policy /p.json: invalid json"))
    }

    /// Issue 16: a typo in a value of a closed vocabulary is refused, naming the JSON path
    /// of the entry and the value, not loaded as a rule that never matches.
    @Test func closedVocabularyTyposAreRefused() {
        func rule(_ match: String) -> String {
            #"{"strataPolicy": 1, "rules": [{"id": "a", "effect": "deny", "match": "# + match + "}]}"
        }
        let capability = parseError(rule(#"{"capabilities": ["CAP_SYS_ADMIN", "CAP_SYS_ADMN"]}"#))
        #expect(capability.contains("rules[0].match.capabilities[1]: unknown capability \"CAP_SYS_ADMN\""), "\(capability)")
        #expect(capability.contains("did you mean CAP_SYS_ADMIN?"), "\(capability)")
        #expect(parseError(rule(#"{"capabilitiesOutside": ["CAP_CHOWN", "net_bind"]}"#))
            .contains("rules[0].match.capabilitiesOutside[1]: unknown capability \"net_bind\""))
        let namespace = parseError(rule(#"{"hostNamespaces": ["pid", "netwrk"]}"#))
        #expect(namespace.contains("rules[0].match.hostNamespaces[1]: \"netwrk\" is not one of"), "\(namespace)")
        #expect(namespace.contains("did you mean network?"), "\(namespace)")
        #expect(parseError(rule(#"{"missingLimits": ["memory", "pid"]}"#))
            .contains("rules[0].match.missingLimits[1]: \"pid\" is not one of cpu, memory, pids (did you mean pids?)"))
        #expect(parseError(rule(#"{"devices": ["c 1:3", "d 1:3"]}"#)).contains("rules[0].match.devices[1]: \"d 1:3\" is not a device"))
        let syscall = parseError(#"{"strataPolicy": 1, "syscalls": {"rules": [{"names": ["mount", "umout2"], "effect": "deny"}]}}"#)
        #expect(syscall.contains("syscalls.rules[0].names[1]: unknown syscall \"umout2\""), "\(syscall)")
        // The spellings the README documents still load.
        #expect(parseError(rule(#"{"capabilities": ["SYS_ADMIN", "cap_sys_admin", "CAP_SYS_ADMIN"], "hostNamespaces": ["net"]}"#)) == "parsed")
    }

    @Test func closestNameHint() {
        #expect(ClosestName.hint("CAP_SYS_ADMN", in: Capabilities.names) == " (did you mean CAP_SYS_ADMIN?)")
        #expect(ClosestName.hint("CAP_WHATEVER_ELSE", in: Capabilities.names) == "")
        #expect(ClosestName.distance(Array("kitten".utf8), Array("sitting".utf8)) == 3)
    }

    @Test func devicePatterns() {
        #expect(PolicyParser.devicePattern("c 1:3")?.text == "c 1:3")
        #expect(PolicyParser.devicePattern("b 8:*")?.minor == nil)
        #expect(PolicyParser.devicePattern("a")?.text == "a *:*")
        #expect(PolicyParser.devicePattern("/dev/kmsg")?.path == "/dev/kmsg")
        #expect(PolicyParser.devicePattern("c 1") == nil)
        #expect(PolicyParser.devicePattern("q 1:1") == nil)
        #expect(PolicyParser.devicePattern("c -1:1") == nil)
    }

    @Test func syscallRules() throws {
        let p = try policy(#"""
            {"strataPolicy": 1, "syscalls": {"defaultEffect": "allow",
             "rules": [{"id": "no-mount", "names": ["mount", "umount2"], "effect": "deny", "severity": "high"}]}}
            """#)
        #expect(p.syscalls.defaultEffect == .allow)
        #expect(p.syscalls.rule(for: "umount2")?.id == "no-mount")
        #expect(p.syscalls.rule(for: "read") == nil)
    }

    @Test func shippedPoliciesParse() throws {
        let root = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        for name in ["default.json", "strict.json", "monitor.json"] {
            let p = try PolicyParser.load("/" + root + "/policies/" + name)
            #expect(!p.rules.isEmpty || !p.syscalls.rules.isEmpty, "\(name)")
        }
    }
}

@Suite struct MonitorProfileTests {
    @Test func shippedProfileMatchesTheGenerator() throws {
        let root = #filePath.split(separator: "/").dropLast(3).joined(separator: "/")
        let file = try JSONValue(parsing: Array(try Files.read("/" + root + "/policies/monitor-seccomp.json")))
        guard case .object(let top) = file, case .object(let linux)? = top["linux"] else {
            Issue.record("no linux member")
            return
        }
        #expect(linux["seccomp"] == MonitorProfile.seccomp(socket: "/run/strata/monitor.sock"))
        for name in ["mount", "umount2", "ptrace", "bpf", "unshare", "setns", "keyctl", "kexec_load", "init_module",
                     "open_by_handle_at"] {
            #expect(MonitorProfile.syscalls.contains(name))
        }
    }
}
