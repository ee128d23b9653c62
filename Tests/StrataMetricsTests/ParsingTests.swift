import StrataRuntimeClient
import Testing
import StrataSystem
@testable import StrataMetrics

@Suite struct ParsingTests {
    @Test func pressureFileWithSomeAndFull() throws {
        let text = """
            some avg10=12.50 avg60=3.00 avg300=0.50 total=123456
            full avg10=1.25 avg60=0.00 avg300=0.00 total=789
            """
        let stall = try PressureStall.parse(text, source: "cpu.pressure")
        #expect(stall.someAvg10 == 12.5)
        #expect(stall.someAvg60 == 3.0)
        #expect(stall.someTotal == 123456)
        #expect(stall.fullAvg10 == 1.25)
        #expect(stall.fullTotal == 789)
    }

    @Test func pressureFileErrorNamesTheFile() {
        #expect(throws: StrataError.self) { try PressureStall.parse("bogus line", source: "/x/io.pressure") }
        do {
            _ = try PressureStall.parse("some avg10=x", source: "/x/io.pressure")
            Issue.record("parsed a bad line")
        } catch {
            #expect(error.description.contains("/x/io.pressure"))
        }
    }

    @Test func listOutputOfStrunAndRunc() throws {
        let json = #"[{"ociVersion":"1.2.0","id":"a","pid":42,"status":"running","bundle":"/b/a","rootfs":"/b/a/rootfs","created":"2026-01-01T00:00:00Z","owner":"root"},{"id":"b","pid":0,"status":"stopped","bundle":"/b/b"}]"#
        let listed = try RuntimeLister.parse(Array(json.utf8), root: "/run/strun")
        #expect(listed == [ListedContainer(id: "a", pid: 42, status: "running", bundle: "/b/a", root: "/run/strun"),
                           ListedContainer(id: "b", pid: 0, status: "stopped", bundle: "/b/b", root: "/run/strun")])
        #expect(listed.map(\.isLive) == [true, false])
        // runc prints null when a root holds no container.
        #expect(try RuntimeLister.parse(Array("null\n".utf8), root: "/r").isEmpty)
    }

    @Test func listOutputThatIsNotAnArrayIsRefusedNamingTheRoot() {
        do {
            _ = try RuntimeLister.parse(Array(#"{"id":"a"}"#.utf8), root: "/run/x")
            Issue.record("accepted an object")
        } catch {
            #expect(error.description.contains("/run/x"))
        }
    }

    @Test func listenAddresses() throws {
        let v4 = try ListenAddress(parsing: "127.0.0.1:9101")
        #expect(v4.host == "127.0.0.1" && v4.port == 9101 && !v4.isIPv6)
        let v6 = try ListenAddress(parsing: "[::1]:0")
        #expect(v6.host == "::1" && v6.port == 0 && v6.isIPv6)
        #expect(v6.display(port: 80) == "[::1]:80")
        #expect(try ListenAddress(parsing: "localhost:1").host == "127.0.0.1")
        for bad in ["9101", "127.0.0.1:http", "127.0.0.1:70000", ":9101", "300.1.1.1:80", "::1:80"] {
            #expect(throws: StrataError.self, "\(bad)") { try ListenAddress(parsing: bad) }
        }
    }

    @Test func cpuMaxFile() throws {
        var limits = ResourceLimits()
        try LimitFiles.cpuMax("10000 100000", source: "cpu.max", into: &limits)
        #expect(limits.cpuQuota == 10000 && limits.cpuPeriod == 100000)
        #expect(limits.quotaCPUs == 0.1)
        try LimitFiles.cpuMax("max 50000", source: "cpu.max", into: &limits)
        #expect(limits.cpuQuota == nil && limits.cpuPeriod == 50000 && limits.quotaCPUs == nil)
        #expect(throws: StrataError.self) { try LimitFiles.cpuMax("max", source: "cpu.max", into: &limits) }
    }

    @Test func memTotal() {
        #expect(HostInfo.memTotal("MemTotal:        2048 kB\nMemFree: 1 kB\n") == 2048 * 1024)
        #expect(HostInfo.memTotal("nothing") == nil)
    }

    @Test func units() {
        #expect(Units.binary(0) == "0B")
        #expect(Units.binary(16 * 1024 * 1024) == "16MiB")
        #expect(Units.binary(1536 * 1024) == "1.5MiB")
        #expect(Units.decimal(1234) == "1.234kB")
        #expect(Units.decimal(999) == "999B")
        #expect(Units.percent(12.345) == "12.35%")
        #expect(Units.percent(0) == "0.00%")
        #expect(Units.fixed(-0.004, decimals: 2) == "0.00")
        #expect(Units.rate(10_000_000) == "10MB/s")
    }
}
