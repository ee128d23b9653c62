#if canImport(Glibc)
import Glibc
#endif
import Testing
import StrataSystem

@Suite("Files")
struct FilesTests {
    @Test func writeReadRoundTrip() throws {
        let dir = try TemporaryDirectory("rw")
        defer { dir.remove() }
        let path = dir.path + "/data"
        let bytes: [UInt8] = (0..<40000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        try Files.write(path, bytes)
        #expect(try Files.read(path) == bytes)
        try Files.write(path, Array("short".utf8))
        #expect(try Files.readText(path) == "short")
        try Files.write(path, [UInt8]())
        #expect(try Files.read(path).isEmpty)
    }

    @Test func writeAtomicallyReplacesAndLeavesNoTemporary() throws {
        let dir = try TemporaryDirectory("atomic")
        defer { dir.remove() }
        let path = dir.path + "/state.json"
        try Files.writeAtomically(path, Array("{\"a\":1}".utf8), mode: 0o600)
        try Files.writeAtomically(path, Array("{\"b\":2}".utf8), mode: 0o600)
        #expect(try Files.readText(path) == "{\"b\":2}")
        #expect(try Files.list(dir.path) == ["state.json"])
        var st = stat()
        #expect(stat(path, &st) == 0)
        #expect(st.st_mode & 0o777 == 0o600)
    }

    @Test func utf8Text() throws {
        let dir = try TemporaryDirectory("utf8")
        defer { dir.remove() }
        let text = "héllo wörld ✓\n"
        try Files.write(dir.path + "/t", Array(text.utf8))
        #expect(try Files.readText(dir.path + "/t") == text)
    }

    @Test func readMissingFileNamesPathAndErrno() throws {
        let dir = try TemporaryDirectory("missing")
        defer { dir.remove() }
        let path = dir.path + "/nope"
        let error = try #require(throws: StrataError.self) { try Files.read(path) }
        #expect(error.errno == ENOENT)
        #expect(error.description == "open \(path): no such file or directory")
    }

    @Test func makeDirectoriesNestedAndIdempotent() throws {
        let dir = try TemporaryDirectory("mkdir")
        defer { dir.remove() }
        let deep = dir.path + "/a/b/c/d"
        try Files.makeDirectories(deep)
        #expect(Files.isDirectory(deep))
        try Files.makeDirectories(deep)
        try Files.makeDirectories(dir.path + "/a/b")
        #expect(try Files.list(dir.path + "/a/b") == ["c"])
    }

    @Test func makeDirectoriesOverAFileFails() throws {
        let dir = try TemporaryDirectory("mkdirfile")
        defer { dir.remove() }
        try Files.write(dir.path + "/f", [UInt8]())
        #expect(throws: StrataError.self) { try Files.makeDirectories(dir.path + "/f/sub") }
    }

    @Test func removeTreeRemovesEverythingButDoesNotFollowSymlinks() throws {
        let dir = try TemporaryDirectory("rmtree")
        defer { dir.remove() }
        let outside = dir.path + "/outside"
        try Files.makeDirectories(outside)
        try Files.write(outside + "/keep", Array("k".utf8))
        let tree = dir.path + "/tree"
        try Files.makeDirectories(tree + "/x/y")
        try Files.write(tree + "/x/y/file", Array("1".utf8))
        try Files.write(tree + "/top", Array("2".utf8))
        #expect(symlink(outside, tree + "/link") == 0)
        try Files.removeTree(tree)
        #expect(!Files.exists(tree))
        #expect(try Files.readText(outside + "/keep") == "k")
        // Missing paths are fine.
        try Files.removeTree(tree)
    }

    @Test func listAndExists() throws {
        let dir = try TemporaryDirectory("list")
        defer { dir.remove() }
        #expect(try Files.list(dir.path).isEmpty)
        try Files.write(dir.path + "/b", [UInt8]())
        try Files.makeDirectories(dir.path + "/a")
        try Files.write(dir.path + "/.hidden", [UInt8]())
        #expect(try Files.list(dir.path).sorted() == [".hidden", "a", "b"])
        #expect(Files.exists(dir.path + "/b"))
        #expect(!Files.isDirectory(dir.path + "/b"))
        #expect(Files.isDirectory(dir.path + "/a"))
        #expect(!Files.exists(dir.path + "/c"))
        #expect(throws: StrataError.self) { try Files.list(dir.path + "/c") }
    }

    @Test func writeControlNamesFileAndValue() throws {
        let dir = try TemporaryDirectory("control")
        defer { dir.remove() }
        let path = dir.path + "/missing"
        let error = try #require(throws: StrataError.self) { try Files.writeControl(path, "max") }
        #expect(error.object.contains(path))
        try Files.write(dir.path + "/knob", [UInt8]())
        try Files.writeControl(dir.path + "/knob", "100000 100000")
        #expect(try Files.readText(dir.path + "/knob") == "100000 100000")
    }

    @Test func readRegularRefusesDevicesFifosAndOversizeFilesNamingThem() throws {
        let dir = try TemporaryDirectory("regular")
        defer { dir.remove() }
        let zero = dir.path + "/zero.json"
        #expect(symlink("/dev/zero", zero) == 0)
        let deviceError = #expect(throws: StrataError.self) { try Files.readRegular(zero) }
        #expect(deviceError?.description == "read \(zero): not a regular file (character device)")
        let fifo = dir.path + "/fifo.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        let fifoError = #expect(throws: StrataError.self) { try Files.readRegular(fifo) }
        #expect(fifoError?.description == "read \(fifo): not a regular file (fifo)")
        let big = dir.path + "/big.json"
        try Files.write(big, Array("12345".utf8))
        let bigError = #expect(throws: StrataError.self) { try Files.readRegular(big, limit: 4) }
        #expect(bigError?.description.contains(big) == true)
        #expect(try Files.readRegular(big, limit: 5) == Array("12345".utf8))
        // A symlink to a regular file is followed.
        let link = dir.path + "/link.json"
        #expect(symlink(big, link) == 0)
        #expect(try Files.readRegular(link) == Array("12345".utf8))
    }

    @Test func directoryFilesWriteAtomicallyAndReadThroughTheDescriptor() throws {
        let dir = try TemporaryDirectory("dirfiles")
        defer { dir.remove() }
        let fd = open(dir.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #expect(fd >= 0)
        defer { close(fd) }
        try DirectoryFiles.writeAtomically(fd, "state.json", Array("{}".utf8), mode: 0o600, display: dir.path)
        #expect(try DirectoryFiles.read(fd, "state.json", display: dir.path) == Array("{}".utf8))
        #expect(try Files.list(dir.path) == ["state.json"])
        let name = String(dir.path.split(separator: "/").last ?? "")
        #expect(DirectoryFiles.isLinked(fd, as: name, in: Paths.dirname(dir.path)))
        // A symlink planted in the directory is not followed.
        #expect(symlink("/etc/hostname", dir.path + "/link") == 0)
        #expect(throws: StrataError.self) { try DirectoryFiles.read(fd, "link", display: dir.path) }
    }
}
