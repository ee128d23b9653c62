import StrataRuntimeClient
import Testing
import StrataCgroups
@testable import StrataMetrics

/// Rates and verdicts from two samples one second apart; the numbers are what the
/// kernel's files would hold, the integration suite checks them on real containers.
@Suite struct AnalysisTests {
    static let host = HostInfo(onlineCPUs: 2, memoryTotal: 4 << 30)

    static func sample(time: UInt64 = 0, configure: (inout ContainerSample) -> Void = { _ in }) -> ContainerSample {
        var sample = ContainerSample(container: ListedContainer(id: "c", pid: 7, status: "running", bundle: "/b", root: "/r"),
                                     cgroup: "/c", stats: CgroupStats(), limits: ResourceLimits(), events: LimitEvents(),
                                     pressure: nil, time: time)
        configure(&sample)
        return sample
    }

    static func usage(_ before: (inout ContainerSample) -> Void, _ after: (inout ContainerSample) -> Void) -> ContainerUsage {
        ContainerUsage(previous: sample(time: 1_000_000_000, configure: before),
                       current: sample(time: 2_000_000_000, configure: after), host: host)
    }

    @Test func cpuPercentIsCPUTimeOverWallTime() {
        let usage = Self.usage({ $0.stats.cpu.usage.total = 1_000_000_000 }, { $0.stats.cpu.usage.total = 2_500_000_000 })
        #expect(usage.interval == 1.0)
        #expect(usage.cpuPercent == 150)
        #expect(usage.cpusAllowed == 2)
        #expect(usage.efficiency == 75)
    }

    @Test func firstSampleHasNoRate() {
        let usage = ContainerUsage(previous: nil, current: Self.sample(), host: Self.host)
        #expect(usage.cpuPercent == nil && usage.efficiency == nil && usage.interval == nil)
    }

    @Test func aSampleOfAnotherInitIsNotAPrevious() {
        let before = Self.sample(time: 1) { $0.container.pid = 8 }
        let usage = ContainerUsage(previous: before, current: Self.sample(time: 2), host: Self.host)
        #expect(usage.cpuPercent == nil)
    }

    @Test func throttledQuotaIsACPUBottleneck() {
        let usage = Self.usage({
            $0.limits.cpuQuota = 10_000
            $0.stats.cpu.throttling.periods = 100
            $0.stats.cpu.throttling.throttledPeriods = 90
        }, {
            $0.limits.cpuQuota = 10_000
            $0.stats.cpu.usage.total = 100_000_000
            $0.stats.cpu.throttling.periods = 110
            $0.stats.cpu.throttling.throttledPeriods = 100
        })
        #expect(usage.cpusAllowed == 0.1)
        let diagnosis = BottleneckAnalysis.diagnose(usage)
        #expect(diagnosis.verdict == "cpu")
        #expect(diagnosis.evidence.contains("throttled in 100% of CFS periods (10 of 10)"))
        #expect(diagnosis.evidence.contains("efficiency 100%"))
        #expect(diagnosis.action.contains("--cpu-quota"))
    }

    @Test func workingSetNearTheLimitIsAMemoryBottleneck() {
        let fill: (inout ContainerSample) -> Void = {
            $0.limits.memory = 16 << 20
            $0.stats.memory.usage.usage = 16 << 20
            $0.stats.memory.raw = ["total_inactive_file": 512 << 10]
        }
        let diagnosis = BottleneckAnalysis.diagnose(Self.usage(fill, fill))
        #expect(diagnosis.verdict == "memory")
        #expect(diagnosis.evidence.contains("working set 15.5MiB of a 16MiB limit (97%)"))
    }

    @Test func oomKillsAreNamed() {
        let diagnosis = BottleneckAnalysis.diagnose(Self.usage({ _ in }, { $0.events.oomKills = 1 }))
        #expect(diagnosis.verdict == "memory")
        #expect(diagnosis.evidence.contains("1 process(es) OOM-killed (1 just now)"))
    }

    @Test func pidsNearTheLimit() {
        let full: (inout ContainerSample) -> Void = {
            $0.limits.pids = 20
            $0.stats.pids.current = 20
        }
        let diagnosis = BottleneckAnalysis.diagnose(Self.usage(full, { full(&$0); $0.events.pidsLimitHits = 5 }))
        #expect(diagnosis.verdict == "pids")
        #expect(diagnosis.evidence.contains("20 of 20 pids (100%)"))
        #expect(diagnosis.evidence.contains("5 forks refused"))
    }

    @Test func ioAtItsThrottle() {
        let limited: (inout ContainerSample) -> Void = {
            var limit = IOLimit(device: "8:0")
            limit.writeBytesPerSecond = 1_000_000
            $0.limits.io = [limit]
        }
        let usage = Self.usage(limited) {
            limited(&$0)
            $0.stats.blkio.ioServiceBytesRecursive = [.init(major: 8, minor: 0, op: "Write", value: 950_000)]
        }
        let diagnosis = BottleneckAnalysis.diagnose(usage)
        #expect(diagnosis.verdict == "io")
        #expect(diagnosis.evidence == "writing 950kB/s of a 1MB/s limit on 8:0")
    }

    @Test func processesBlockedInStateDUnderAThrottleAreIO() {
        let usage = Self.usage({ _ in }) {
            var limit = IOLimit(device: "254:0")
            limit.readBytesPerSecond = 1_000_000
            $0.limits.io = [limit]
            $0.tasks = TaskStates(total: 2, blocked: 1)
        }
        let diagnosis = BottleneckAnalysis.diagnose(usage)
        #expect(diagnosis.verdict == "io")
        #expect(diagnosis.evidence == "1 of 2 processes waiting on I/O (state D) under a throttle on 254:0 (read 1MB/s)")
    }

    @Test func pressureAloneNamesTheResource() {
        let usage = Self.usage({ _ in }) {
            var io = PressureStall()
            io.someAvg10 = 40
            $0.pressure = Pressure(io: io)
        }
        #expect(BottleneckAnalysis.diagnose(usage).verdict == "io")
    }

    @Test func idleIsHealthy() {
        let usage = Self.usage({ $0.stats.pids.current = 1 }, {
            $0.stats.pids.current = 1
            $0.stats.memory.usage.usage = 1 << 20
            $0.stats.cpu.usage.total = 1_000_000
        })
        let diagnosis = BottleneckAnalysis.diagnose(usage)
        #expect(diagnosis.verdict == "healthy")
        #expect(diagnosis.findings.isEmpty)
        #expect(diagnosis.evidence == "cpu 0.00 of 2.00 CPUs, memory 1MiB of 4GiB, pids 1")
        #expect(diagnosis.action == "none")
    }
}
