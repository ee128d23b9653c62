#if canImport(Glibc)
import Glibc
#endif
import Testing
import StrataSystem
import StrataSpec
import StrataRuntime

@Suite("StateStore")
struct StateStoreTests {
    /// A record as `create` first writes it: no pid yet, no cgroup made.
    static func creating(_ id: String) -> ContainerRecord {
        var record = ContainerRecord.sample(id: id, pid: 0, startTime: 0)
        record.creating = true
        record.cgroupMade = false
        return record
    }

    @Test func reserveTwiceFails() throws {
        let dir = try TemporaryDirectory("reserve")
        defer { dir.remove() }
        let store = StateStore(root: dir.path + "/nested/root")
        let lock = try store.reserve("abc", record: Self.creating("abc"), config: Array("{}".utf8))
        defer { lock.release() }
        #expect(Files.isDirectory(store.directory("abc")))
        let error = #expect(throws: StrataError.self) {
            try store.reserve("abc", record: Self.creating("abc"), config: [])
        }
        #expect(error?.description == "container \"abc\" already exists")
        // Neither attempt leaves its scratch directory behind.
        #expect(try Files.list(store.root) == ["abc"])
    }

    @Test func reservedDirectoryIsCompleteAndLockedFromItsFirstMoment() throws {
        let dir = try TemporaryDirectory("complete")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        let lock = try store.reserve("c1", record: Self.creating("c1"), config: Array("{\"x\":1}".utf8))
        #expect(store.isLockedElsewhere("c1"))
        #expect(try Files.read(store.config("c1")) == Array("{\"x\":1}".utf8))
        let loaded = try store.load("c1")
        #expect(loaded.creating)
        #expect(!loaded.cgroupMade)
        #expect(loaded.cgroupsPath == Self.creating("c1").cgroupsPath)
        #expect(try ContainerState.load(fromJSON: try Files.read(store.stateFile("c1"))).status == .creating)
        lock.release()
        #expect(!store.isLockedElsewhere("c1"))
    }

    @Test func loadUnknownIdDoesNotExist() throws {
        let dir = try TemporaryDirectory("unknown")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        let error = #expect(throws: StrataError.self) { try store.load("ghost") }
        #expect(error?.description == "container \"ghost\" does not exist")
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
        let lock = try store.reserve("rt", record: Self.creating("rt"), config: [])
        defer { lock.release() }
        try store.save(record, in: lock)
        var loaded = try store.load("rt", in: lock)
        #expect(loaded.id == "rt")
        #expect(loaded.pid == record.pid)
        #expect(loaded.initStartTime == record.initStartTime)
        #expect(loaded.annotations == ["a": "b"])
        #expect(loaded.poststop == record.poststop)
        #expect(loaded.createdCgroupDirectories == record.createdCgroupDirectories)
        #expect(!loaded.started)
        #expect(!loaded.creating)
        #expect(loaded.cgroupMade)
        // The file is the OCI state document with status from `started`.
        let state = try ContainerState.load(fromJSON: try Files.read(store.stateFile("rt")))
        #expect(state.status == .created)
        loaded.started = true
        try store.save(loaded, in: lock)
        #expect(try store.load("rt").started)
        #expect(try ContainerState.load(fromJSON: try Files.read(store.stateFile("rt"))).status == .running)
        // Writes go through a temporary file in the directory, which never stays.
        #expect(try Files.list(store.directory("rt")).sorted() == ["config.json", "state.json"])
    }

    @Test func corruptStateNamesTheFile() throws {
        let dir = try TemporaryDirectory("corrupt")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        try store.reserve("bad", record: Self.creating("bad"), config: []).release()
        try Files.write(store.stateFile("bad"), Array("{not json".utf8))
        let error = #expect(throws: StrataError.self) { try store.load("bad") }
        #expect(error?.description.contains(store.stateFile("bad")) == true)
    }

    @Test func idsListOnlyContainerDirectoriesWithState() throws {
        let dir = try TemporaryDirectory("ids")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        #expect(StateStore(root: dir.path + "/missing").ids().isEmpty)
        for id in ["zeta", "alpha", "mid"] {
            try store.reserve(id, record: ContainerRecord.sample(id: id), config: []).release()
        }
        try Files.makeDirectories(dir.path + "/nostate")
        try Files.makeDirectories(dir.path + "/@deleted-gone-1")
        try Files.write(dir.path + "/@deleted-gone-1/state.json", Array("{}".utf8))
        try Files.write(dir.path + "/stray-file", [UInt8]())
        #expect(store.ids() == ["alpha", "mid", "zeta"])
        let lock = try store.lock("mid")
        try store.remove("mid", lock: lock)
        lock.release()
        #expect(store.ids() == ["alpha", "zeta"])
        #expect(!Files.exists(store.directory("mid")))
        #expect(try Files.list(dir.path).filter { $0.contains("mid") }.isEmpty)
    }

    @Test func lockedDirectoryRemovedAndMadeAnewIsNoLongerLinked() throws {
        let dir = try TemporaryDirectory("relinked")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        try store.reserve("x", record: Self.creating("x"), config: []).release()
        let old = try store.lock("x")
        #expect(DirectoryFiles.isLinked(old.fd, as: "x", in: dir.path))
        // A delete renames the directory away; a create makes a new one under the id.
        try store.remove("x", lock: old)
        #expect(!DirectoryFiles.isLinked(old.fd, as: "x", in: dir.path))
        let fresh = try store.reserve("x", record: Self.creating("x"), config: [])
        #expect(!DirectoryFiles.isLinked(old.fd, as: "x", in: dir.path))
        #expect(DirectoryFiles.isLinked(fresh.fd, as: "x", in: dir.path))
        // A write through the stale descriptor cannot reach the new container's state.
        var stale = ContainerRecord.sample(id: "x")
        stale.pid = 1
        #expect(throws: StrataError.self) { try store.save(stale, in: old) }
        #expect(try store.load("x").creating)
        old.release()
        fresh.release()
    }

    @Test func sweepRemovesOnlyDebrisOfDeadStruns() throws {
        let dir = try TemporaryDirectory("sweep")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        // pid_max is at most 2^22, so 5000000 never runs.
        for name in ["@creating-s-5000000", "@deleted-s-5000000", "@creating-s-\(getpid())",
                     "@creating-other-5000000", "s"] {
            try Files.makeDirectories(dir.path + "/" + name)
        }
        store.sweepDebris(of: "s")
        #expect(try Files.list(dir.path).sorted() == ["@creating-other-5000000", "@creating-s-\(getpid())", "s"])
    }

    @Test func recordWithoutCreatingMembersIsCommitted() throws {
        // A state.json from before these members existed decodes as a finished create.
        let dir = try TemporaryDirectory("old")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        let lock = try store.reserve("o", record: ContainerRecord.sample(id: "o"), config: [])
        lock.release()
        let text = String(decoding: try Files.read(store.stateFile("o")), as: UTF8.self)
        #expect(!text.contains("creating"))
        #expect(!text.contains("cgroupMade"))
        let loaded = try store.load("o")
        #expect(!loaded.creating && loaded.cgroupMade)
    }

    @Test func paths() {
        let store = StateStore(root: "/run/strun")
        #expect(store.directory("x") == "/run/strun/x")
        #expect(store.stateFile("x") == "/run/strun/x/state.json")
        #expect(store.fifo("x") == "/run/strun/x/exec.fifo")
    }
}
