#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import StrataSpec

let allFixtures: [(String, String)] = [
    ("runc", Fixtures.runcSpec), ("runc-rootless", Fixtures.runcRootless), ("docker", Fixtures.docker),
    ("podman", Fixtures.podman), ("containerd", Fixtures.containerd), ("crio", Fixtures.crio),
    ("full", Fixtures.full),
]

@Suite struct RoundTripTests {
    @Test(arguments: allFixtures)
    func decodesWithoutLoss(name: String, text: String) throws {
        let spec = try Spec.load(fromJSON: Array(text.utf8))
        // Lossless: the typed model re-encodes to exactly the tree that was parsed.
        #expect(spec.jsonValue == (try JSONValue(parsing: Array(text.utf8))), "fixture \(name)")
        #expect(spec.unknownFields.isEmpty)
        let again = try Spec.load(fromJSON: spec.jsonBytes(pretty: true))
        #expect(again == spec)
        let compact = try Spec.load(fromJSON: spec.jsonBytes())
        #expect(compact == spec)
    }

    @Test func typedFieldsLandWhereExpected() throws {
        let docker = try Spec.load(fromJSON: Array(Fixtures.docker.utf8))
        #expect(docker.linux?.cgroupsPath?.hasPrefix("system.slice:docker:") == true)
        #expect(docker.linux?.seccomp?.defaultErrnoRet == 1)
        #expect((docker.linux?.seccomp?.syscalls?.first?.names.count ?? 0) > 300)
        #expect(docker.linux?.seccomp?.syscalls?.first(where: { $0.names == ["clone"] })?.args?.first?.op == "SCMP_CMP_MASKED_EQ")
        #expect(docker.hooks?.prestart?.first?.args?.first == "libnetwork-setkey")
        #expect(docker.linux?.sysctl?["net.ipv4.ping_group_range"] == "0 2147483647")
        #expect(docker.linux?.resources?.memory?.limit == 536_870_912)
        #expect(docker.linux?.resources?.devices?[8].minor == nil)

        let full = try Spec.load(fromJSON: Array(Fixtures.full.utf8))
        #expect(full.process?.rlimits?.first?.hard == UInt64.max)
        #expect(full.process?.scheduler?.policy == "SCHED_DEADLINE")
        #expect(full.process?.ioPriority?.class == "IOPRIO_CLASS_BE")
        #expect(full.linux?.timeOffsets?["monotonic"]?.secs == -10)
        #expect(full.linux?.netDevices?["eth1"]?.name == "net1")
        #expect(full.linux?.resources?.rdma?["mlx5_1"]?.hcaObjects == 10000)
        #expect(full.linux?.intelRdt?.closID == "c")
        #expect(full.vm?.kernel.initrd == "/boot/initrd")
        #expect(full.mounts?.first?.uidMappings?.first?.hostID == 1000)
    }

    @Test func unknownFieldsSurviveAtEveryLevel() throws {
        let text = """
        {"ociVersion": "1.2.0", "x-top": {"nested": [1, 2.5, 18446744073709551615]},
         "process": {"cwd": "/", "args": ["sh"], "user": {"uid": 0, "gid": 0, "x-user": true}, "x-proc": null},
         "mounts": [{"destination": "/a", "x-mount": "m"}],
         "linux": {"resources": {"memory": {"limit": 1, "x-mem": {"deep": "yes"}}, "x-res": -3},
                   "namespaces": [{"type": "pid", "x-ns": 1}], "x-future": {"a": [{}]}}}
        """
        let spec = try Spec.load(fromJSON: Array(text.utf8))
        #expect(spec.unknownFields["x-top"] == ["nested": [1, 2.5, .uint(UInt64.max)]])
        #expect(spec.process?.user.unknownFields["x-user"] == true)
        #expect(spec.process?.unknownFields["x-proc"] == .null)
        #expect(spec.mounts?.first?.unknownFields["x-mount"] == "m")
        #expect(spec.linux?.resources?.memory?.unknownFields["x-mem"] == ["deep": "yes"])
        #expect(spec.linux?.resources?.unknownFields["x-res"] == -3)
        #expect(spec.linux?.namespaces?.first?.unknownFields["x-ns"] == 1)
        #expect(spec.linux?.unknownFields["x-future"] == ["a": [[:]]])

        let encoded = spec.jsonText(pretty: true)
        #expect(encoded.contains("\"x-mem\""))
        let again = try Spec.load(fromJSON: Array(encoded.utf8))
        #expect(again == spec)
        #expect(again.jsonValue == (try JSONValue(parsing: Array(text.utf8))))
    }

    @Test func unknownFieldNamedLikeAKnownOneIsNotWrittenTwice() throws {
        var root = Root(path: "rootfs")
        root.unknownFields["path"] = "shadow"
        root.unknownFields["extra"] = 1
        let spec = Spec(ociVersion: "1.2.0", root: root)
        #expect(spec.jsonText() == #"{"ociVersion":"1.2.0","root":{"path":"rootfs","extra":1}}"#)
    }

    @Test func codableBridgeMatchesNativeDecoding() throws {
        let native = try Spec.load(fromJSON: Array(Fixtures.full.utf8))
        let viaDecoder = try JSONDecoder().decode(Spec.self, from: Data(Fixtures.full.utf8))
        #expect(viaDecoder == native)
        let data = try JSONEncoder().encode(native)
        #expect(try Spec.load(fromJSON: data) == native)
        let state = ContainerState(ociVersion: "1.2.0", id: "a", pid: 0, status: .stopped, bundle: "/b")
        #expect(try JSONDecoder().decode(ContainerState.self, from: JSONEncoder().encode(state)) == state)
    }

    @Test func codableBridgeReportsPathInDecodingError() {
        let text = #"{"ociVersion":"1","process":{"cwd":"/","user":{"uid":"root","gid":0}}}"#
        #expect {
            _ = try JSONDecoder().decode(Spec.self, from: Data(text.utf8))
        } throws: { error in
            guard case DecodingError.dataCorrupted(let context) = error else { return false }
            return context.debugDescription == "process.user.uid: expected a number, got string"
        }
    }
}
