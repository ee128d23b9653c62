import Testing
import StrataSpec
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif
@testable import StrataEngine

func temporaryDirectory() -> String {
    var template = Array("/tmp/strata-engine-test-XXXXXX".utf8CString)
    return template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)!) }
}

@Suite struct StoreTests {
    func config() -> ContainerConfig { ContainerConfig(source: .directory("/tmp"), command: ["true"], runtime: "/bin/true") }

    @Test func namesAreUniqueAndPrefixesResolve() throws {
        let dir = temporaryDirectory()
        defer { try? Files.removeTree(dir) }
        let store = try ContainerStore(path: dir + "/strata.db")
        let a = ContainerRecord(id: "abc111" + String(repeating: "0", count: 58), name: "web", config: config(), createdAt: 1)
        let b = ContainerRecord(id: "abc222" + String(repeating: "0", count: 58), name: "db", config: config(), createdAt: 2)
        try store.insert(a)
        try store.insert(b)
        var clash = b
        clash.id = "fff" + String(repeating: "0", count: 61)
        clash.name = "web"
        #expect(throws: StrataError.self) { try store.insert(clash) }
        #expect(try store.find("web").id == a.id)
        #expect(try store.find("abc1").id == a.id)
        #expect(try store.find(b.id).name == "db")
        #expect(throws: StrataError.self) { try store.find("abc") }   // ambiguous
        #expect(throws: StrataError.self) { try store.find("nothere") }
        try store.update(a.id) { $0.state = .running; $0.restartCount = 3 }
        #expect(try store.find("web").restartCount == 3)
        #expect(try store.all().map(\.name) == ["db", "web"])
        #expect(try store.delete(a.id))
        #expect(throws: StrataError.self) { try store.find("web") }
    }

    @Test func aSecondConnectionSeesWrites() throws {
        let dir = temporaryDirectory()
        defer { try? Files.removeTree(dir) }
        let one = try ContainerStore(path: dir + "/strata.db")
        let two = try ContainerStore(path: dir + "/strata.db")
        try one.insert(ContainerRecord(id: String(repeating: "1", count: 64), name: "x1", config: config(), createdAt: 1))
        #expect(try two.find("x1").config == config())
    }
}

@Suite struct LogTests {
    @Test func k8sFileRoundTripWithPartialLines() throws {
        let dir = temporaryDirectory()
        defer { try? Files.removeTree(dir) }
        let writer = try LogWriter(path: dir + "/ctr.log", maxSize: 1 << 20)
        writer.write(Array("hello\nwor".utf8)[...], stream: "stdout")
        writer.write(Array("ld\n".utf8)[...], stream: "stdout")
        writer.write(Array("oops\n".utf8)[...], stream: "stderr")
        writer.write(Array("no newline".utf8)[...], stream: "stdout")
        writer.flush()
        let entries = LogReader(path: dir + "/ctr.log").entries()
        #expect(entries.map { String(decoding: $0.bytes, as: UTF8.self) } == ["hello\n", "world\n", "oops\n", "no newline\n"])
        #expect(entries.map(\.stream) == ["stdout", "stdout", "stderr", "stdout"])
        let text = String(decoding: try Files.read(dir + "/ctr.log"), as: UTF8.self)
        #expect(text.split(separator: "\n")[0].hasSuffix(" stdout F hello"))
        #expect(LogReader(path: dir + "/ctr.log").entries(tail: 2).count == 2)
    }

    @Test func rotationKeepsOneOlderFile() throws {
        let dir = temporaryDirectory()
        defer { try? Files.removeTree(dir) }
        let writer = try LogWriter(path: dir + "/ctr.log", maxSize: 200)
        for i in 0..<20 { writer.write(Array("line \(i)\n".utf8)[...], stream: "stdout") }
        #expect(Files.exists(dir + "/ctr.log.1"))
        let entries = LogReader(path: dir + "/ctr.log").entries()
        #expect(String(decoding: entries.last?.bytes ?? [], as: UTF8.self) == "line 19\n")
        #expect(entries.count < 20)
    }

    @Test func sinceParsing() throws {
        #expect(try LogReader.sinceTimestamp("2026-01-02T03:04:05Z") == "2026-01-02T03:04:05.000000000Z")
        #expect(try LogReader.sinceTimestamp("0") == "1970-01-01T00:00:00.000000000Z")
        #expect(throws: StrataError.self) { try LogReader.sinceTimestamp("yesterday") }
    }
}

@Suite struct BundleTests {
    @Test func hardenedDefaultsAndExplicitLoosening() throws {
        let dir = temporaryDirectory()
        defer { try? Files.removeTree(dir) }
        var config = ContainerConfig(source: .directory(dir), command: ["sh"], runtime: "/bin/true")
        let spec = try BundleBuilder(id: String(repeating: "a", count: 64), config: config, rootfs: dir, rootless: false).spec()
        #expect(spec.linux?.seccomp != nil)
        #expect(spec.process?.noNewPrivileges == true)
        #expect(spec.linux?.resources?.pids?.limit == BundleBuilder.defaultPidsLimit)
        #expect(spec.process?.capabilities?.bounding == DefaultCapabilities.docker)
        #expect(spec.root?.readonly == false)
        #expect(spec.hostname == "aaaaaaaaaaaa")
        config.security.seccomp = "unconfined"
        config.security.noNewPrivileges = false
        config.pidsLimit = -1
        config.readOnly = true
        config.memory = 64 << 20
        config.cpus = 0.5
        config.network = .host
        let loose = try BundleBuilder(id: String(repeating: "a", count: 64), config: config, rootfs: dir, rootless: false).spec()
        #expect(loose.linux?.seccomp == nil)
        #expect(loose.process?.noNewPrivileges == false)
        #expect(loose.linux?.resources?.pids == nil)
        #expect(loose.root?.readonly == true)
        #expect(loose.linux?.resources?.memory?.limit == 64 << 20)
        #expect(loose.linux?.resources?.cpu?.quota == 50_000)
        #expect(!(loose.linux?.namespaces ?? []).contains { $0.type == "network" })
    }

    @Test func userResolvedInTheRootfs() throws {
        let dir = temporaryDirectory()
        defer { try? Files.removeTree(dir) }
        try Files.makeDirectories(dir + "/etc")
        try Files.write(dir + "/etc/passwd", Array("root:x:0:0::/root:/bin/sh\napp:x:1000:1000::/home/app:/bin/sh\n".utf8))
        try Files.write(dir + "/etc/group", Array("root:x:0:\napp:x:1000:\nextra:x:2000:app\n".utf8))
        let resolver = UserResolver(rootfs: dir)
        let app = try resolver.resolve("app")
        #expect(app.uid == 1000 && app.gid == 1000 && app.additionalGids == [2000])
        #expect(try resolver.resolve("1000:extra").gid == 2000)
        #expect(try resolver.resolve("4242").uid == 4242)
        #expect(throws: StrataError.self) { try resolver.resolve("nobody-here") }
    }
}
