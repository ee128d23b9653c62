import StrataRuntimeClient
import Testing
import StrataCgroups
@testable import StrataMetrics

@Suite struct ExpositionTests {
    static func text(_ samples: [ContainerSample], errors: Int = 0) -> String {
        String(decoding: Exposition.render(samples, errors: errors), as: UTF8.self)
    }

    static func sample(_ id: String) -> ContainerSample {
        var stats = CgroupStats()
        stats.cpu.usage.total = 1_500_000_000
        stats.cpu.throttling.throttledPeriods = 3
        stats.memory.usage.usage = 4096
        stats.memory.raw = ["inactive_file": 1024, "anon": 2048]
        stats.pids.current = 2
        var eth = CgroupStats.NetworkInterface(name: "eth0")
        eth.rxBytes = 100
        stats.networkInterfaces = [eth]
        stats.blkio.ioServiceBytesRecursive = [.init(major: 1, minor: 3, op: "Read", value: 512)]
        return ContainerSample(container: ListedContainer(id: id, pid: 1, status: "running", bundle: "/b", root: "/r"),
                               cgroup: "/strun/" + id, stats: stats, limits: ResourceLimits(), events: LimitEvents(),
                               pressure: nil, time: 0)
    }

    @Test func cAdvisorNamesAndLabels() {
        let text = Self.text([Self.sample("web")])
        for line in [#"container_cpu_usage_seconds_total{id="/strun/web",name="web"} 1.5"#,
                     #"container_cpu_cfs_throttled_periods_total{id="/strun/web",name="web"} 3"#,
                     #"container_memory_usage_bytes{id="/strun/web",name="web"} 4096.0"#,
                     #"container_memory_working_set_bytes{id="/strun/web",name="web"} 3072.0"#,
                     #"container_memory_rss{id="/strun/web",name="web"} 2048.0"#,
                     #"container_network_receive_bytes_total{id="/strun/web",name="web",interface="eth0"} 100"#,
                     #"container_pids_current{id="/strun/web",name="web"} 2.0"#,
                     "# TYPE container_cpu_usage_seconds_total counter",
                     "# TYPE container_memory_working_set_bytes gauge",
                     "container_scrape_error 0.0"] {
            #expect(text.contains(line), "\(line)")
        }
        #expect(text.contains(#"container_fs_reads_bytes_total{id="/strun/web",name="web",device=""#))
    }

    @Test func removedContainersLeaveNoSeries() {
        #expect(Self.text([Self.sample("a"), Self.sample("b")]).contains(#"name="b""#))
        #expect(!Self.text([Self.sample("a")]).contains(#"name="b""#))
    }

    @Test func errorsAreFlagged() {
        #expect(Self.text([], errors: 2).contains("container_scrape_error 1.0"))
    }
}
