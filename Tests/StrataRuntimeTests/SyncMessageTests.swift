import Testing
import StrataSystem
@testable import StrataRuntime

@Suite("SyncMessage")
struct SyncMessageTests {
    static let every: [SyncMessage] = [
        .needMaps, .mapped, .pid(1), .pid(4_194_304), .pid(-1), .pid(0),
        .go([]),
        .go([CgroupDirectory(name: "cpu,cpuacct", hostPath: "/sys/fs/cgroup/cpu,cpuacct/strata/x")]),
        .go([CgroupDirectory(name: "memory", hostPath: "/sys/fs/cgroup/memory/a b/x"),
             CgroupDirectory(name: "systemd", hostPath: "/sys/fs/cgroup/systemd/x"),
             CgroupDirectory(name: "", hostPath: "/sys/fs/cgroup/unified/x")]),
        .runtimeHooks, .hooksDone, .ready,
        .failed("mount proc to /proc: operation not permitted"), .failed(""), .failed("two\nlines"),
        .failed("  leading spaces"), .failed("ünïcode ✓"),
    ]

    @Test func everyCaseRoundTrips() {
        for message in Self.every {
            #expect(SyncMessage(decoding: Array(message.encoded.utf8)) == message, "\(message.encoded)")
        }
    }

    @Test func wireFormat() {
        #expect(SyncMessage.needMaps.encoded == "maps")
        #expect(SyncMessage.pid(31337).encoded == "pid 31337")
        #expect(SyncMessage.hooksDone.encoded == "hooks-done")
        #expect(SyncMessage.failed("boom").encoded == "error boom")
        #expect(SyncMessage.go([CgroupDirectory(name: "pids", hostPath: "/p")]).encoded == "go\npids\t/p")
    }

    @Test("bad input decodes to nil", arguments: [
        "", "pid", "pid ", "pid x", "pid 99999999999", "pid 1.5", "unknown", "READY", "Ready", " ready",
        "hooks_done", "mapsX", "err boom",
    ])
    func badInput(text: String) {
        #expect(SyncMessage(decoding: Array(text.utf8)) == nil, "\"\(text)\"")
    }

    @Test func invalidUTF8DoesNotCrash() {
        #expect(SyncMessage(decoding: [0xff, 0xfe, 0x00]) == nil)
    }

    /// Issue 16: when the init failed and went, sending to it fails with EPIPE; the error it
    /// sent before going is what the user must see, not "send sync channel: broken pipe".
    @Test func aSendToAFailedPeerReportsThePeersError() throws {
        let (parent, child) = try Channel.pair()
        defer { parent.close() }
        try child.send(.pid(42))
        try child.send(.failed("mount devpts to /dev/pts: invalid argument"))
        child.close()
        #expect(throws: StrataError.message("mount devpts to /dev/pts: invalid argument")) { try parent.send(.go([])) }
    }

    /// A peer that exits with our message unread: the kernel's one-time ECONNRESET comes
    /// before the error the peer sent; the error is what the receiver gets.
    @Test func aPeerThatLeftOurMessageUnreadStillHasItsErrorRead() throws {
        let (parent, child) = try Channel.pair()
        defer { parent.close() }
        try child.send(.failed("mount tmpfs to /dev: invalid argument"))
        try parent.send(.go([]))
        child.close()
        #expect(try parent.next() == .failed("mount tmpfs to /dev: invalid argument"))
        #expect(try parent.next() == nil)
    }

    @Test func aSendToAPeerThatWentSilentlyKeepsTheBrokenPipe() throws {
        let (parent, child) = try Channel.pair()
        defer { parent.close() }
        child.close()
        do {
            try parent.send(.mapped)
            Issue.record("the send succeeded")
        } catch {
            #expect(error.description == "send sync channel: broken pipe")
        }
    }

    @Test func goSkipsLinesWithoutTab() {
        #expect(SyncMessage(decoding: Array("go\nnot-a-directory\nblkio\t/b".utf8))
                == .go([CgroupDirectory(name: "blkio", hostPath: "/b")]))
    }
}
