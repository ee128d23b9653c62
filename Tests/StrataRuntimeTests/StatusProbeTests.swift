#if canImport(Glibc)
import Glibc
#endif
import Testing
import StrataSystem
import StrataRuntime

@Suite("StatusProbe.initAlive")
struct StatusProbeTests {
    @Test func ourOwnProcessIsAlive() throws {
        let start = try #require(Processes.stat(of: getpid())?.startTime)
        let record = ContainerRecord.sample(pid: getpid(), startTime: start)
        #expect(StatusProbe.initAlive(record))
    }

    @Test func wrongStartTimeMeansAReusedPid() throws {
        let start = try #require(Processes.stat(of: getpid())?.startTime)
        #expect(!StatusProbe.initAlive(ContainerRecord.sample(pid: getpid(), startTime: start + 1)))
        #expect(!StatusProbe.initAlive(ContainerRecord.sample(pid: getpid(), startTime: 0)))
    }

    @Test func nonPositivePidsAreNotAlive() {
        #expect(!StatusProbe.initAlive(ContainerRecord.sample(pid: 0, startTime: 0)))
        #expect(!StatusProbe.initAlive(ContainerRecord.sample(pid: -1, startTime: 0)))
    }

    @Test func stoppedWhenInitIsGone() throws {
        let dir = try TemporaryDirectory("probe")
        defer { dir.remove() }
        // pid_max is at most 2^22, so this pid never exists.
        let record = ContainerRecord.sample(pid: 5_000_000, startTime: 1)
        #expect(StatusProbe.status(of: record, store: StateStore(root: dir.path)) { true } == .stopped)
    }

    @Test func createdRunningPaused() throws {
        let dir = try TemporaryDirectory("probe2")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        let start = try #require(Processes.stat(of: getpid())?.startTime)
        var record = ContainerRecord.sample(id: "c", pid: getpid(), startTime: start)
        try store.reserve("c", record: record, config: []).release()
        try Files.write(store.fifo("c"), [UInt8]())
        #expect(StatusProbe.status(of: record, store: store) { false } == .created)
        record.started = true
        #expect(StatusProbe.status(of: record, store: store) { false } == .running)
        #expect(StatusProbe.status(of: record, store: store) { true } == .paused)
    }

    @Test func creatingWhileTheCreatorHoldsTheLockStoppedOnceItIsGone() throws {
        let dir = try TemporaryDirectory("probe3")
        defer { dir.remove() }
        let store = StateStore(root: dir.path)
        let start = try #require(Processes.stat(of: getpid())?.startTime)
        var record = ContainerRecord.sample(id: "k", pid: getpid(), startTime: start)
        record.creating = true
        let lock = try store.reserve("k", record: record, config: [])
        #expect(StatusProbe.status(of: record, store: store) { false } == .creating)
        // The lock holder itself (delete) knows the creator is not running.
        #expect(StatusProbe.status(of: record, store: store, lockHeld: true) { false } == .stopped)
        lock.release()
        // A killed create: its lock is free, its init may still be there. Stopped.
        #expect(StatusProbe.status(of: record, store: store) { false } == .stopped)
    }
}
