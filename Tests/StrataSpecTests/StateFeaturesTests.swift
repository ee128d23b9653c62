import Testing
@testable import StrataSpec

@Suite struct StateFeaturesTests {
    @Test func stateEncodesInRuncOrder() {
        let state = ContainerState(
            ociVersion: "1.2.0", id: "web", pid: 4242, status: .running, bundle: "/run/bundles/web",
            rootfs: "/run/bundles/web/rootfs", created: "2024-05-01T10:00:00.123456789Z", owner: "")
        #expect(String(decoding: state.jsonBytes(), as: UTF8.self)
            == #"{"ociVersion":"1.2.0","id":"web","pid":4242,"status":"running","bundle":"/run/bundles/web","rootfs":"/run/bundles/web/rootfs","created":"2024-05-01T10:00:00.123456789Z","owner":""}"#)
        var stopped = state
        stopped.pid = 0
        stopped.status = .stopped
        stopped.annotations = ["a": "b"]
        #expect(String(decoding: stopped.jsonBytes(), as: UTF8.self).contains(#""pid":0,"status":"stopped""#))
        #expect(String(decoding: stopped.jsonBytes(), as: UTF8.self).contains(#""annotations":{"a":"b"},"owner":"""#))
    }

    @Test func hookStateOmitsRuncExtras() {
        let state = ContainerState(ociVersion: "1.2.0", id: "x", status: .creating, bundle: "/b")
        #expect(String(decoding: state.jsonBytes(), as: UTF8.self) == #"{"ociVersion":"1.2.0","id":"x","status":"creating","bundle":"/b"}"#)
    }

    @Test func decodesRuncStateOutput() throws {
        let text = """
        {
          "ociVersion": "1.0.2-dev",
          "id": "c1",
          "pid": 1234,
          "status": "paused",
          "bundle": "/tmp/c1",
          "rootfs": "/tmp/c1/rootfs",
          "created": "2024-01-02T03:04:05.06Z",
          "owner": ""
        }
        """
        let state = try ContainerState.load(fromJSON: Array(text.utf8))
        #expect(state.status == .paused)
        #expect(state.pid == 1234)
        #expect(try ContainerState.load(fromJSON: state.jsonBytes(pretty: true)) == state)
        #expect(throws: SpecError.self) {
            _ = try ContainerState.load(fromJSON: Array(#"{"status":"exploded"}"#.utf8))
        }
    }

    @Test func timestampsAreRFC3339Nano() {
        #expect(ContainerState.timestamp(seconds: 0, nanoseconds: 0) == "1970-01-01T00:00:00Z")
        #expect(ContainerState.timestamp(seconds: 1_714_557_600, nanoseconds: 123_456_789) == "2024-05-01T10:00:00.123456789Z")
        #expect(ContainerState.timestamp(seconds: 1_709_164_800, nanoseconds: 500_000_000) == "2024-02-29T00:00:00.5Z")
        #expect(ContainerState.timestamp(seconds: 4_102_444_799, nanoseconds: 10) == "2099-12-31T23:59:59.00000001Z")
        #expect(ContainerState.timestamp(seconds: -1, nanoseconds: 0) == "1969-12-31T23:59:59Z")
    }

    @Test func featuresRoundTrip() throws {
        let features = Features(
            ociVersionMin: "1.0.0", ociVersionMax: "1.2.0",
            hooks: ["prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"],
            mountOptions: MountOptions.knownNames,
            linux: Features.Linux(
                namespaces: NamespaceTypes.all, capabilities: Capabilities.names,
                cgroup: Features.Cgroup(v1: true, v2: true, systemd: false, systemdUser: false, rdma: false),
                seccomp: Features.Seccomp(enabled: true, actions: ["SCMP_ACT_ALLOW"], operators: ["SCMP_CMP_EQ"],
                                          archs: ["SCMP_ARCH_X86_64"], knownFlags: ["SECCOMP_FILTER_FLAG_LOG"],
                                          supportedFlags: ["SECCOMP_FILTER_FLAG_LOG"]),
                apparmor: Features.Apparmor(enabled: false), selinux: Features.Selinux(enabled: false),
                intelRdt: Features.IntelRdt(enabled: false),
                mountExtensions: Features.MountExtensions(idmap: Features.IDMap(enabled: true))),
            annotations: ["org.opencontainers.runc.checkpoint.enabled": "false"])
        let bytes = features.jsonBytes(pretty: true)
        #expect(try Features.load(fromJSON: bytes) == features)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains("\"mountExtensions\": {\n\t\t\t\"idmap\": {\n\t\t\t\t\"enabled\": true"))
        let withUnknown = try Features.load(fromJSON: Array(#"{"linux":{"cgroup":{"v2":true,"v3":true}}}"#.utf8))
        #expect(withUnknown.linux?.cgroup?.unknownFields["v3"] == true)
    }

    @Test func capabilityAndRlimitNumbers() {
        #expect(Capabilities.names.count == 41)
        #expect(Capabilities.number(of: "CAP_CHOWN") == 0)
        #expect(Capabilities.number(of: "CAP_SYS_ADMIN") == 21)
        #expect(Capabilities.number(of: "CAP_AUDIT_READ") == 37)
        #expect(Capabilities.number(of: "CAP_CHECKPOINT_RESTORE") == 40)
        #expect(Capabilities.number(of: "CAP_NOPE") == nil)
        #expect(Rlimits.number(of: "RLIMIT_NOFILE") == 7)
        #expect(Rlimits.number(of: "RLIMIT_RTTIME") == 15)
    }
}
