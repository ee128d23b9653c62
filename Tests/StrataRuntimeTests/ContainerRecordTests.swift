import Testing
import StrataSystem
import StrataSpec
@testable import StrataRuntime

@Suite("ContainerRecord state document")
struct ContainerRecordTests {
    static func roundTrip(_ record: ContainerRecord, status: ContainerStatus = .created) throws -> ContainerRecord {
        let bytes = record.document(status: status).jsonBytes()
        let state = try ContainerState.load(fromJSON: bytes)
        return try ContainerRecord(document: state, file: "/run/strun/x/state.json")
    }

    static func expectEqual(_ a: ContainerRecord, _ b: ContainerRecord) {
        #expect(a.ociVersion == b.ociVersion)
        #expect(a.id == b.id)
        #expect(a.pid == b.pid)
        #expect(a.initStartTime == b.initStartTime)
        #expect(a.bundle == b.bundle)
        #expect(a.rootfs == b.rootfs)
        #expect(a.created == b.created)
        #expect(a.owner == b.owner)
        #expect(a.annotations == b.annotations)
        #expect(a.cgroupsPath == b.cgroupsPath)
        #expect(a.createdCgroupDirectories == b.createdCgroupDirectories)
        #expect(a.privatePidNamespace == b.privatePidNamespace)
        #expect(a.started == b.started)
        #expect(a.poststart == b.poststart)
        #expect(a.poststop == b.poststop)
        #expect(a.terminal == b.terminal)
    }

    @Test func minimalRecordRoundTrips() throws {
        let record = ContainerRecord.sample()
        Self.expectEqual(try Self.roundTrip(record), record)
    }

    @Test func fullRecordRoundTrips() throws {
        var record = ContainerRecord.sample(id: "full", pid: 1, startTime: UInt64(Int64.max) + 5)
        record.owner = "1000"
        record.annotations = ["io.kubernetes.cri.container-type": "sandbox", "org.example/quote": "a \"b\" \\ c"]
        record.createdCgroupDirectories = ["/sys/fs/cgroup/memory/kubepods", "/sys/fs/cgroup/memory/kubepods/x"]
        record.privatePidNamespace = false
        record.started = true
        record.terminal = true
        record.poststart = [Hook(path: "/usr/bin/notify", args: ["notify", "--started", "x y"], env: ["A=1", "B=two words"], timeout: 5)]
        record.poststop = [
            Hook(path: "/usr/libexec/cni/cleanup"),
            Hook(path: "/bin/sh", args: ["sh", "-c", "echo done > /tmp/out"], env: nil, timeout: 30),
        ]
        let back = try Self.roundTrip(record, status: .running)
        Self.expectEqual(back, record)
        #expect(back.initStartTime == UInt64(Int64.max) + 5)
    }

    @Test func documentCarriesOCIFieldsAndStatus() throws {
        var record = ContainerRecord.sample(id: "doc")
        record.annotations = ["k": "v"]
        let state = record.document(status: .paused)
        #expect(state.status == .paused)
        #expect(state.id == "doc")
        #expect(state.pid == 4242)
        #expect(state.bundle == record.bundle)
        #expect(state.rootfs == record.rootfs)
        #expect(state.created == record.created)
        #expect(state.annotations == ["k": "v"])
        let extra = try #require(state.unknownFields["strata"])
        guard case .object(let members) = extra else {
            Issue.record("\"strata\" is not an object: \(extra)")
            return
        }
        #expect(members["cgroupsPath"] == .string(record.cgroupsPath))
        #expect(members["hooks"] == nil, "no hooks member when there are no hooks")
    }

    @Test func documentWithoutStrataMemberThrows() throws {
        let state = try ContainerState.load(fromJSON: Array(
            #"{"ociVersion":"1.2.0","id":"x","pid":1,"status":"running","bundle":"/b"}"#.utf8))
        let error = #expect(throws: StrataError.self) {
            try ContainerRecord(document: state, file: "/run/strun/x/state.json")
        }
        #expect(error?.description.contains("/run/strun/x/state.json") == true)
        #expect(error?.description.contains("strata") == true)
    }

    @Test func strataMemberOfWrongTypeThrows() throws {
        var state = ContainerRecord.sample().document(status: .created)
        state.unknownFields["strata"] = .string("nope")
        #expect(throws: StrataError.self) { try ContainerRecord(document: state, file: "f") }
    }

    @Test("an out-of-range pid in state.json is an error, not a crash")
    func hugePid() async {
        await #expect(processExitsWith: .success) {
            var state = ContainerRecord.sample().document(status: .running)
            state.pid = 99_999_999_999
            _ = try? ContainerRecord(document: state, file: "/run/strun/x/state.json")
        }
    }
}
