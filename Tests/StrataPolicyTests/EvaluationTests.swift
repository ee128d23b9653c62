import Testing
import StrataSpec
@testable import StrataPolicy

/// A config like `runc spec` writes (new pid/net/ipc/uts/mount namespaces, root, no
/// seccomp), with a writable rootfs and noNewPrivileges off.
func baseSpec() -> Spec {
    var spec = Spec.defaultConfig()
    spec.root?.readonly = false
    spec.process?.noNewPrivileges = false
    spec.process?.capabilities = LinuxCapabilities(bounding: ["CAP_KILL"], effective: ["CAP_KILL"], permitted: ["CAP_KILL"])
    spec.linux?.seccomp = nil
    return spec
}

func decide(_ rules: String, _ spec: Spec, defaultEffect: String = "deny") throws -> Decision {
    try policy(#"{"strataPolicy": 1, "defaultEffect": "\#(defaultEffect)", "rules": \#(rules)}"#).evaluate(spec)
}

/// The reason a single deny rule with this match gives on `spec`, or nil when it does not match.
func reason(_ match: String, _ spec: Spec) throws -> String? {
    let d = try decide(#"[{"id": "r", "effect": "deny", "match": \#(match)}]"#, spec)
    return d.violations.first?.reason
}

@Suite struct EvaluationTests {
    @Test func defaultDenyWhenNothingMatches() throws {
        let d = try decide("[]", baseSpec())
        #expect(!d.allowed)
        #expect(d.byDefault)
        #expect(d.denialReason().contains("default effect is deny"))
        #expect(try decide("[]", baseSpec(), defaultEffect: "allow").allowed)
    }

    @Test func denyWinsOverAllowAndAuditAdmits() throws {
        let spec = baseSpec()
        let both = try decide(#"[{"id": "a", "effect": "allow"}, {"id": "d", "effect": "deny", "severity": "high", "match": {"runAsRoot": true}}]"#, spec)
        #expect(!both.allowed)
        #expect(both.denialReason() == "rule d (high): runs as uid 0")
        let audit = try decide(#"[{"id": "x", "effect": "audit", "match": {"runAsRoot": true}}]"#, spec)
        #expect(audit.allowed)
        #expect(audit.matches.map(\.rule.id) == ["x"])
    }

    @Test func everyViolatedRuleIsListed() throws {
        var spec = baseSpec()
        spec.process?.capabilities?.effective = ["CAP_SYS_ADMIN"]
        let d = try decide(#"""
            [{"id": "caps", "effect": "deny", "severity": "critical", "match": {"capabilities": ["SYS_ADMIN"]}},
             {"id": "root", "effect": "deny", "severity": "low", "match": {"runAsRoot": true}}]
            """#, spec)
        #expect(d.denialReason() == "rule caps (critical): adds CAP_SYS_ADMIN; rule root (low): runs as uid 0")
    }

    @Test func capabilities() throws {
        var spec = baseSpec()
        #expect(try reason(#"{"capabilities": ["CAP_SYS_ADMIN"]}"#, spec) == nil)
        spec.process?.capabilities?.ambient = ["CAP_NET_RAW"]
        #expect(try reason(#"{"capabilities": ["net_raw"]}"#, spec) == "adds CAP_NET_RAW")
        #expect(try reason(#"{"capabilitiesOutside": ["CAP_KILL", "CAP_NET_RAW"]}"#, spec) == nil)
        #expect(try reason(#"{"capabilitiesOutside": ["CAP_KILL"]}"#, spec) == "adds CAP_NET_RAW (outside the allowed set)")
    }

    @Test func hostNamespaces() throws {
        var spec = baseSpec()
        #expect(try reason(#"{"hostNamespaces": ["pid", "net"]}"#, spec) == nil)
        #expect(try reason(#"{"hostNamespaces": ["user"]}"#, spec) == "shares the host's user namespace")
        spec.linux?.namespaces?.removeAll { $0.type == "network" }
        #expect(try reason(#"{"hostNamespaces": ["network"]}"#, spec) == "shares the host's network namespace")
        spec.linux?.namespaces?.append(LinuxNamespace(type: "network", path: "/proc/1/ns/net"))
        #expect(try reason(#"{"hostNamespaces": ["network"]}"#, spec) != nil)
    }

    @Test func mounts() throws {
        var spec = baseSpec()
        spec.mounts?.append(Mount(destination: "/var/run/docker.sock", type: "none", source: "/run/docker.sock", options: ["rbind"]))
        #expect(try reason(#"{"mount": {"source": ["/run/*.sock"]}}"#, spec)
            == "mounts /run/docker.sock at /var/run/docker.sock (type bind)")
        #expect(try reason(#"{"mount": {"type": ["bind"], "destination": ["/etc*"]}}"#, spec) == nil)
        #expect(try reason(#"{"mount": {"type": ["proc"]}}"#, spec) != nil)
    }

    @Test func booleanFacts() throws {
        var spec = baseSpec()
        #expect(try reason(#"{"readonlyRootfs": false}"#, spec) == "writable rootfs")
        #expect(try reason(#"{"seccompUnconfined": true}"#, spec) != nil)
        #expect(try reason(#"{"noNewPrivileges": false}"#, spec) == "noNewPrivileges off")
        spec.root?.readonly = true
        spec.process?.noNewPrivileges = true
        spec.process?.user.uid = 1000
        spec.linux?.seccomp = LinuxSeccomp(defaultAction: "SCMP_ACT_ERRNO")
        #expect(try reason(#"{"readonlyRootfs": false}"#, spec) == nil)
        #expect(try reason(#"{"runAsRoot": true}"#, spec) == nil)
        #expect(try reason(#"{"seccompUnconfined": true}"#, spec) == nil)
        #expect(try reason(#"{"noNewPrivileges": false}"#, spec) == nil)
        spec.linux?.seccomp?.defaultAction = "SCMP_ACT_ALLOW"
        #expect(try reason(#"{"seccompUnconfined": true}"#, spec) != nil)
    }

    @Test func limits() throws {
        var spec = baseSpec()
        #expect(try reason(#"{"missingLimits": ["memory", "pids"]}"#, spec) == "no memory, pids limit")
        spec.linux?.resources = LinuxResources(memory: LinuxMemory(limit: 1 << 26), pids: LinuxPids(limit: 100))
        #expect(try reason(#"{"missingLimits": ["memory", "pids"]}"#, spec) == nil)
        #expect(try reason(#"{"missingLimits": ["cpu"]}"#, spec) == "no cpu limit")
    }

    @Test func devices() throws {
        var spec = baseSpec()
        spec.linux?.resources = LinuxResources(devices: [LinuxDeviceCgroup(allow: false, access: "rwm"),
                                                         LinuxDeviceCgroup(allow: true, type: "c", major: 1, minor: 3, access: "rwm")])
        #expect(try reason(#"{"devices": ["c 1:3"]}"#, spec) == "allows device c 1:3")
        #expect(try reason(#"{"devices": ["a *:*"]}"#, spec) == nil)
        #expect(try reason(#"{"devices": ["c 1:*"]}"#, spec) == nil)
        spec.linux?.resources?.devices?.append(LinuxDeviceCgroup(allow: true, access: "rwm"))
        #expect(try reason(#"{"devices": ["a *:*"]}"#, spec) != nil)
        spec.linux?.devices = [LinuxDevice(path: "/dev/kmsg", type: "c", major: 1, minor: 11)]
        #expect(try reason(#"{"devices": ["/dev/kmsg"]}"#, spec) == "allows device /dev/kmsg")
    }

    @Test func annotationsImagesSysctls() throws {
        var spec = baseSpec()
        spec.annotations = ["io.kubernetes.cri.image-name": "docker.io/library/busybox:1.36", "team": "red"]
        spec.linux?.sysctl = ["net.ipv4.ip_forward": "1", "kernel.shmmax": "1"]
        #expect(try reason(#"{"images": ["docker.io/library/*"]}"#, spec) == "image docker.io/library/busybox:1.36")
        #expect(try reason(#"{"images": ["quay.io/*"]}"#, spec) == nil)
        #expect(try reason(#"{"annotations": {"team": "r*"}}"#, spec) == "annotation team=red")
        #expect(try reason(#"{"annotations": {"team": "blue"}}"#, spec) == nil)
        #expect(try reason(#"{"sysctls": ["net.*"]}"#, spec) == "sets sysctl net.ipv4.ip_forward")
    }

    @Test func allConditionsOfARuleMustHold() throws {
        let spec = baseSpec()
        #expect(try reason(#"{"runAsRoot": true, "readonlyRootfs": false}"#, spec) == "writable rootfs, runs as uid 0")
        #expect(try reason(#"{"runAsRoot": true, "readonlyRootfs": true}"#, spec) == nil)
    }

    @Test func auditRecordsOfADecision() throws {
        let p = try policy(#"""
            {"strataPolicy": 1, "rules": [{"id": "a", "effect": "allow"}, {"id": "au", "effect": "audit", "severity": "low"}]}
            """#)
        let d = p.evaluate(baseSpec())
        let records = Admission.auditRecords(d, policy: p, id: "c1", bundle: "/b", uid: 0)
        #expect(records.count == 2)
        #expect(records[1]["rule"] == "au")
        #expect(records[1]["decision"] == "allow")
        var quiet = p
        quiet.recordAllowed = false
        #expect(Admission.auditRecords(d, policy: quiet, id: "c1", bundle: "/b", uid: 0).count == 1)
    }
}
