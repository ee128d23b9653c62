import Testing
import StrataSystem
import StrataSpec
import StrataRuntime

@Suite("StateStore")
struct StateStoreTests {
    @Test func reserveTwiceFails() throws {
        let dir = try TemporaryDirectory("reserve")
        defer { dir.remove() }
        let store = StateStore(root: dir.path + "/nested/root")
        try store.reserve("abc")
        #expect(Files.isDirectory(store.directory("abc")))
        let error = #expect(throws: StrataError.self) { try store.reserve("abc") }
        #expect(error?.description.contains("already exists") == true)
        #expect(error?.description.contains("abc") == true)
    }

    @Test func loadUnknownIdDoesNotExist() throws {
        let dir = try TemporaryDirectory("unknown")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        let error = #expect(throws: StrataError.self) { try store.load("ghost") }
        #expect(error?.description == "container \"ghost\" does not exist")
        // A reserved directory without state.json (create in progress) is also not there.
        try store.reserve("half")
        #expect(throws: StrataError.self) { try store.load("half") }
        let lockError = #expect(throws: StrataError.self) { try store.lock("ghost") }
        #expect(lockError?.description.contains("does not exist") == true)
    }

    @Test func saveLoadRoundTrip() throws {
        let dir = try TemporaryDirectory("save")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        var record = ContainerRecord.sample(id: "rt")
        record.annotations = ["a": "b"]
        record.poststop = [Hook(path: "/bin/true", args: ["true"], timeout: 2)]
        record.createdCgroupDirectories = ["/sys/fs/cgroup/pids/x"]
        try store.reserve("rt")
        try store.save(record)
        var loaded = try store.load("rt")
        #expect(loaded.id == "rt")
        #expect(loaded.pid == record.pid)
        #expect(loaded.initStartTime == record.initStartTime)
        #expect(loaded.annotations == ["a": "b"])
        #expect(loaded.poststop == record.poststop)
        #expect(loaded.createdCgroupDirectories == record.createdCgroupDirectories)
        #expect(!loaded.started)
        // The file is the OCI state document with status from `started`.
        let state = try ContainerState.load(fromJSON: try Files.read(store.stateFile("rt")))
        #expect(state.status == .created)
        loaded.started = true
        try store.save(loaded)
        #expect(try store.load("rt").started)
        #expect(try ContainerState.load(fromJSON: try Files.read(store.stateFile("rt"))).status == .running)
    }

    @Test func corruptStateNamesTheFile() throws {
        let dir = try TemporaryDirectory("corrupt")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        try store.reserve("bad")
        try Files.write(store.stateFile("bad"), Array("{not json".utf8))
        let error = #expect(throws: StrataError.self) { try store.load("bad") }
        #expect(error?.description.contains(store.stateFile("bad")) == true)
    }

    @Test func idsListOnlyDirectoriesWithState() throws {
        let dir = try TemporaryDirectory("ids")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        #expect(StateStore(root: dir.path + "/missing").ids().isEmpty)
        for id in ["zeta", "alpha", "mid"] {
            try store.reserve(id)
            try store.save(ContainerRecord.sample(id: id))
        }
        try store.reserve("creating")
        try Files.write(dir.path + "/stray-file", [UInt8]())
        #expect(store.ids() == ["alpha", "mid", "zeta"])
        try store.remove("mid")
        #expect(store.ids() == ["alpha", "zeta"])
        #expect(!Files.exists(store.directory("mid")))
    }

    @Test func lockAndRelease() throws {
        let dir = try TemporaryDirectory("lock")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        try store.reserve("l")
        let lock = try store.lock("l")
        #expect(lock.fd >= 0)
        lock.release()
    }

    @Test func paths() {
        let store = StateStore(root: "/run/strun")
        #expect(store.directory("x") == "/run/strun/x")
        #expect(store.stateFile("x") == "/run/strun/x/state.json")
        #expect(store.fifo("x") == "/run/strun/x/exec.fifo")
    }
}
