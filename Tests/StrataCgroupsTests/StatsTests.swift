import Testing
import StrataSystem
@testable import StrataCgroups
#if canImport(Glibc)
import Glibc
#endif

/// Stat file parsing from fixture text, and the JSON shape runc's `events --stats` prints.
struct StatParserTests {
    @Test func memoryStatV1() throws {
        let text = """
        cache 13221888
        rss 6610944
        hierarchical_memory_limit 9223372036854771712
        total_pgfault 274897915
        """
        let values = try StatParsers.keyValues(text, source: "memory.stat")
        #expect(values["cache"] == 13_221_888)
        #expect(values["hierarchical_memory_limit"] == 9_223_372_036_854_771_712)
        #expect(values.count == 4)
    }

    @Test func keyValuesMaxAndNegative() throws {
        let values = try StatParsers.keyValues("a max\nb -1\n", source: "x")
        #expect(values["a"] == UInt64.max)
        #expect(values["b"] == 0)
    }

    @Test func keyValuesRejectsGarbage() {
        #expect(throws: StrataError.self) { try StatParsers.keyValues("cache twelve", source: "memory.stat") }
        #expect(throws: StrataError.self) { try StatParsers.keyValues("lonely", source: "memory.stat") }
    }

    @Test func cpuStatV2() throws {
        let text = """
        usage_usec 1013917
        user_usec 999306
        system_usec 14611
        nr_periods 40
        nr_throttled 3
        throttled_usec 2500
        """
        let values = try StatParsers.keyValues(text, source: "cpu.stat")
        #expect(values["usage_usec"] == 1_013_917)
        #expect(values["nr_throttled"] == 3)
    }

    @Test func cpuacctStatTicksToNanoseconds() throws {
        let (user, system) = try StatParsers.cpuacctStat("user 100\nsystem 25\n", source: "cpuacct.stat")
        #expect(user == 1_000_000_000)
        #expect(system == 250_000_000)
        #expect(throws: StrataError.self) { try StatParsers.cpuacctStat("system 1\nuser 2", source: "cpuacct.stat") }
    }

    @Test func usageAllAndPercpu() throws {
        let all = "cpu user system\n0 9594098 8362495\n1 999306795 0\n"
        let split = try StatParsers.usageAll(all, source: "cpuacct.usage_all")
        #expect(split.user == [9_594_098, 999_306_795])
        #expect(split.kernel == [8_362_495, 0])
        #expect(try StatParsers.numbers("18031936 995885866 \n", source: "p") == [18_031_936, 995_885_866])
    }

    @Test func blkioV1() throws {
        let text = """
        8:0 Read 1282048
        8:0 Write 2195456
        8:0 Total 3477504
        Total 3477504
        """
        let entries = try StatParsers.blkio(text, source: "blkio.throttle.io_service_bytes")
        #expect(entries == [
            .init(major: 8, minor: 0, op: "Read", value: 1_282_048),
            .init(major: 8, minor: 0, op: "Write", value: 2_195_456),
            .init(major: 8, minor: 0, op: "Total", value: 3_477_504),
        ])
        #expect(try StatParsers.blkio("8:16 6792", source: "blkio.sectors") == [.init(major: 8, minor: 16, op: "", value: 6792)])
        #expect(try StatParsers.blkio("Total 0\n", source: "x").isEmpty)
        #expect(throws: StrataError.self) { try StatParsers.blkio("8:0 Read", source: "x") }
    }

    @Test func ioStatV2MapsToV1Tables() throws {
        let text = """
        8:0 rbytes=4096 wbytes=8192 rios=1 wios=2 dbytes=0 dios=0
        253:1 rbytes=10 wbytes=0 rios=3 wios=0 dbytes=5 dios=1
        """
        let (bytes, ios) = try StatParsers.ioStat(text, source: "io.stat")
        #expect(bytes == [
            .init(major: 8, minor: 0, op: "Read", value: 4096), .init(major: 8, minor: 0, op: "Write", value: 8192),
            .init(major: 253, minor: 1, op: "Read", value: 10), .init(major: 253, minor: 1, op: "Write", value: 0),
        ])
        #expect(ios.count == 4)
        #expect(ios[0] == .init(major: 8, minor: 0, op: "Read", value: 1))
    }

    @Test func cpuLists() throws {
        #expect(try StatParsers.cpuList("0-3,8,10-11", source: "c") == [0, 1, 2, 3, 8, 10, 11])
        #expect(try StatParsers.cpuList("0", source: "c") == [0])
        #expect(try StatParsers.cpuList("", source: "c") == [])
        #expect(throws: StrataError.self) { try StatParsers.cpuList("3-1", source: "c") }
        #expect(throws: StrataError.self) { try StatParsers.cpuList("1-2-3", source: "c") }
    }

    @Test func hugePageNames() {
        #expect(StatParsers.hugePageSizeName(directory: "hugepages-2048kB") == "2MB")
        #expect(StatParsers.hugePageSizeName(directory: "hugepages-1048576kB") == "1GB")
        #expect(StatParsers.hugePageSizeName(directory: "hugepages-64kB") == "64KB")
        #expect(StatParsers.hugePageSizeName(directory: "nr_hugepages") == nil)
    }

    @Test func netDevSkipsLoopback() throws {
        let text = """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
            lo:     140       2    0    0    0     0          0         0      140       2    0    0    0     0       0          0
          eth0:1500 10 1 2 0 0 0 0 700 5 3 4 0 0 0 0
        """
        let found = try StatParsers.netDev(text, source: "net/dev")
        #expect(found.count == 1)
        #expect(found[0].name == "eth0")
        #expect(found[0].rxBytes == 1500 && found[0].rxPackets == 10 && found[0].rxErrors == 1 && found[0].rxDropped == 2)
        #expect(found[0].txBytes == 700 && found[0].txPackets == 5 && found[0].txErrors == 3 && found[0].txDropped == 4)
    }

    @Test func oomCounts() throws {
        let text = "low 0\nhigh 0\nmax 12\noom 2\noom_kill 1\noom_group_kill 0\n"
        #expect(try OOMCounts.parse(text, source: "memory.events") == OOMCounts(oom: 2, oomKill: 1))
    }
}

struct StatsJSONTests {
    static func text(_ stats: CgroupStats) -> String { String(decoding: stats.jsonBytes, as: UTF8.self) }

    /// An empty sample has exactly the keys runc 1.1.5 prints for an idle v2 cgroup.
    @Test func emptyShapeMatchesRunc() {
        #expect(Self.text(CgroupStats()) == """
        {"cpu":{"usage":{"kernel":0,"user":0},"throttling":{}},"cpuset":{"cpu_exclusive":0,"mem_hardwall":0,\
        "mem_exclusive":0,"memory_migrate":0,"memory_spread_page":0,"memory_spread_slab":0,"memory_pressure":0,\
        "sched_load_balance":0,"sched_relax_domain_level":0},"memory":{"usage":{"limit":0,"failcnt":0},\
        "swap":{"limit":0,"failcnt":0},"kernel":{"limit":0,"failcnt":0},"kernelTCP":{"limit":0,"failcnt":0}},\
        "pids":{},"blkio":{},"hugetlb":{},"intel_rdt":{},"network_interfaces":null}
        """)
    }

    @Test func filledFieldsAndOrder() {
        var s = CgroupStats()
        s.cpu.usage.total = 1_013_917_802
        s.cpu.usage.percpu = [18_031_936, 995_885_866]
        s.cpu.usage.percpuKernel = [1, 0]
        s.cpu.usage.percpuUser = [2, 3]
        s.cpu.usage.user = 1_000_000_000
        s.cpu.throttling.throttledPeriods = 4
        s.cpuset.cpus = [0, 1]
        s.cpuset.schedRelaxDomainLevel = -1
        s.memory.cache = 5
        s.memory.usage = .init(limit: UInt64.max, usage: 716_800, max: 2_781_184, failcnt: 0)
        s.memory.raw = ["total_rss": 1, "cache": 0, "active_anon": 4096]
        s.pids.current = 1
        s.blkio.ioServiceBytesRecursive = [.init(major: 8, minor: 0, op: "Read", value: 4096)]
        s.blkio.ioQueuedRecursive = [.init(major: 0, minor: 0, op: "", value: 0)]
        s.hugetlb = ["2MB": .init(usage: 0, max: 0, failcnt: 0), "1GB": .init(usage: 2, max: 3, failcnt: 1)]
        var eth = CgroupStats.NetworkInterface(name: "eth0")
        eth.rxBytes = 10
        s.networkInterfaces = [eth]
        let json = Self.text(s)
        #expect(json.hasPrefix("""
        {"cpu":{"usage":{"total":1013917802,"percpu":[18031936,995885866],"percpu_kernel":[1,0],\
        "percpu_user":[2,3],"kernel":0,"user":1000000000},"throttling":{"throttledPeriods":4}},\
        "cpuset":{"cpus":[0,1],"cpu_exclusive":0,
        """))
        #expect(json.contains("\"sched_relax_domain_level\":-1}"))
        #expect(json.contains("""
        "memory":{"cache":5,"usage":{"limit":18446744073709551615,"usage":716800,"max":2781184,"failcnt":0},
        """))
        #expect(json.contains("\"raw\":{\"active_anon\":4096,\"cache\":0,\"total_rss\":1}"))
        #expect(json.contains("\"pids\":{\"current\":1}"))
        #expect(json.contains("""
        "blkio":{"ioServiceBytesRecursive":[{"major":8,"op":"Read","value":4096}],"ioQueueRecursive":[{}]}
        """))
        #expect(json.contains("\"hugetlb\":{\"1GB\":{\"usage\":2,\"max\":3,\"failcnt\":1},\"2MB\":{\"failcnt\":0}}"))
        #expect(json.hasSuffix("""
        "network_interfaces":[{"Name":"eth0","RxBytes":10,"RxPackets":0,"RxErrors":0,"RxDropped":0,\
        "TxBytes":0,"TxPackets":0,"TxErrors":0,"TxDropped":0}]}
        """))
    }

    @Test func goStringEscaping() {
        var out: [UInt8] = []
        GoJSONWriter.appendString("a\"b\\c\n<&>\u{1}\u{2028}é", to: &out)
        #expect(String(decoding: out, as: UTF8.self) == #""a\"b\\c\n\u003c\u0026\u003e\u0001\u2028é""#)
    }
}

/// Stats and the OOM watch on a real cgroup of whichever kind this host has (v1 here,
/// v2 under scripts/vm/v2-guest.sh). Needs root.
@Suite(.enabled(if: getuid() == 0, "needs root"))
struct LiveStatsTests {
    @Test func statsOfACgroupWithOneProcess() throws {
        var manager = try Cgroups.manager(path: "/\(Support.uniqueName("stats"))", containerID: "ignored")
        defer { _ = try? manager.destroy() }
        try manager.create()
        try manager.apply(CgroupResources(memory: .init(limit: 64 << 20), pidsLimit: 42))
        let pid = try Support.spawnSleep()
        var reaped = false
        defer { if !reaped { kill(pid, SIGKILL); _ = Support.reap(pid) } }
        try manager.addProcess(pid: pid)

        let stats = try manager.stats()
        #expect(stats.pids.current == 1)
        #expect(stats.pids.limit == 42)
        #expect(stats.memory.usage.limit == 64 << 20)
        #expect(!stats.memory.raw.isEmpty)
        #expect(stats.networkInterfaces == nil)
        let json = String(decoding: stats.jsonBytes, as: UTF8.self)
        #expect(json.contains("\"pids\":{\"current\":1,\"limit\":42}"))

        var watch = try OOMWatch.start(manager)
        defer { watch.close() }
        #expect(watch.collect() == OOMReport())
        kill(pid, SIGKILL)
        reaped = Support.reap(pid)
        try manager.destroy()
        // v1 signals the eventfd on removal; v2 changes cgroup.events (populated 0).
        var pfd = pollfd(fd: watch.fd, events: Int16(POLLIN), revents: 0)
        #expect(poll(&pfd, 1, 2000) == 1)
        #expect(watch.collect() == OOMReport(oom: false, ended: true))
    }
}
