#if canImport(Glibc)
import Glibc
#endif
import Testing
import StrataSystem

@Suite("ProcFS")
struct ProcFSTests {
    @Test func opensAVerifiedProcfsAndReadsThroughSelf() throws {
        let procfs = try ProcFS.open()
        if geteuid() == 0 { #expect(procfs.origin == .fresh) }
        let fd = try procfs.open("thread-self/status", flags: O_RDONLY)
        defer { close(fd) }
        let text = String(decoding: try Files.readAll(fd: fd, name: "status"), as: UTF8.self)
        // Swift Testing runs tests on threads: the thread group is this process.
        #expect(text.contains("Tgid:\t\(getpid())"))
    }

    @Test func refusesSymlinksAndEscapes() throws {
        let procfs = try ProcFS.open()
        // /proc/mounts is a symlink to self/mounts: not followed.
        #expect(throws: StrataError.self) { try procfs.open("mounts", flags: O_RDONLY) }
        #expect(throws: StrataError.self) { try procfs.open("sys/../../etc/passwd", flags: O_RDONLY) }
        #expect(throws: StrataError.self) { try procfs.open("/etc/passwd", flags: O_RDONLY) }
    }

    @Test func aWriteErrorNamesTheFileAndTheEscapedValue() throws {
        let procfs = try ProcFS.open()
        do {
            try procfs.write("thread-self/oom_score_adj", "bad\nvalue")
            Issue.record("the kernel took a bad oom_score_adj")
        } catch {
            #expect(error.description.hasPrefix("write /proc/thread-self/oom_score_adj \"bad\\nvalue\""))
        }
    }

    @Test func mountFlagsMapToMountAttributes() {
        let (set, atime) = Mounts.attributes(of: Mounts.rdonly | Mounts.nosuid | 1024 /* MS_NOATIME */)
        #expect(set == Mounts.attrRdonly | Mounts.attrNosuid | Mounts.attrNoatime)
        #expect(atime)
        #expect(Mounts.attributes(of: Mounts.nodev).atime == false)
    }
}
