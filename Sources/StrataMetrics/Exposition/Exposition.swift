import Prometheus
import StrataCgroups
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Renders samples in the Prometheus text format through swift-prometheus. A fresh
/// registry per scrape: series of removed containers must disappear, and counters here
/// are the kernel's running totals, not increments the exporter counts itself.
public enum Exposition {
    public static func render(_ samples: [ContainerSample], errors: Int) -> [UInt8] {
        let registry = PrometheusCollectorRegistry()
        let now = Double(time(nil))
        var devices = DeviceNames()
        for sample in samples {
            add(sample, to: registry, devices: &devices, now: now)
        }
        registry.makeGauge(descriptor: MetricFamilies.scrapeError).set(to: errors > 0 ? 1 : 0)
        return registry.emitToBuffer()
    }

    static func add(_ sample: ContainerSample, to registry: PrometheusCollectorRegistry,
                    devices: inout DeviceNames, now: Double) {
        let labels = [("id", sample.cgroup), ("name", sample.container.id)]
        let stats = sample.stats
        func counter(_ family: MetricNameDescriptor, _ value: UInt64, _ extra: [(String, String)] = []) {
            registry.makeCounter(descriptor: family, labels: labels + extra).increment(by: Int64(clamping: value))
        }
        func seconds(_ family: MetricNameDescriptor, nanoseconds: UInt64) {
            registry.makeCounter(descriptor: family, labels: labels).increment(by: Double(nanoseconds) / 1e9)
        }
        func gauge(_ family: MetricNameDescriptor, _ value: Double) {
            registry.makeGauge(descriptor: family, labels: labels).set(to: value)
        }

        seconds(MetricFamilies.cpuUsage, nanoseconds: stats.cpu.usage.total)
        seconds(MetricFamilies.cpuUser, nanoseconds: stats.cpu.usage.user)
        seconds(MetricFamilies.cpuSystem, nanoseconds: stats.cpu.usage.kernel)
        counter(MetricFamilies.cfsPeriods, stats.cpu.throttling.periods)
        counter(MetricFamilies.cfsThrottledPeriods, stats.cpu.throttling.throttledPeriods)
        seconds(MetricFamilies.cfsThrottledSeconds, nanoseconds: stats.cpu.throttling.throttledTime)
        gauge(MetricFamilies.cpuQuota, Double(sample.limits.cpuQuota ?? 0))
        gauge(MetricFamilies.cpuPeriod, Double(sample.limits.cpuPeriod))

        let raw = stats.memory.raw
        gauge(MetricFamilies.memoryUsage, Double(stats.memory.usage.usage))
        gauge(MetricFamilies.memoryWorkingSet, Double(sample.workingSet))
        gauge(MetricFamilies.memoryCache, Double(stats.memory.cache))
        gauge(MetricFamilies.memoryRSS, Double(raw["total_rss"] ?? raw["rss"] ?? raw["anon"] ?? 0))
        gauge(MetricFamilies.memorySwap, Double(swap(stats.memory)))
        gauge(MetricFamilies.memoryMaxUsage, Double(stats.memory.usage.max))
        counter(MetricFamilies.memoryFailcnt, sample.events.memoryLimitHits)
        gauge(MetricFamilies.memoryLimit, Double(sample.limits.memory ?? 0))
        counter(MetricFamilies.oomEvents, sample.events.oomKills)

        for interface in stats.networkInterfaces ?? [] {
            let extra = [("interface", interface.name)]
            counter(MetricFamilies.networkReceiveBytes, interface.rxBytes, extra)
            counter(MetricFamilies.networkReceivePackets, interface.rxPackets, extra)
            counter(MetricFamilies.networkReceiveErrors, interface.rxErrors, extra)
            counter(MetricFamilies.networkReceiveDropped, interface.rxDropped, extra)
            counter(MetricFamilies.networkTransmitBytes, interface.txBytes, extra)
            counter(MetricFamilies.networkTransmitPackets, interface.txPackets, extra)
            counter(MetricFamilies.networkTransmitErrors, interface.txErrors, extra)
            counter(MetricFamilies.networkTransmitDropped, interface.txDropped, extra)
        }

        for (table, read, write) in [(stats.blkio.ioServiceBytesRecursive, MetricFamilies.fsReadBytes, MetricFamilies.fsWriteBytes),
                                     (stats.blkio.ioServicedRecursive, MetricFamilies.fsReads, MetricFamilies.fsWrites)] {
            for entry in table where entry.op == "Read" || entry.op == "Write" {
                let extra = [("device", devices.name(major: entry.major, minor: entry.minor))]
                counter(entry.op == "Read" ? read : write, entry.value, extra)
            }
        }

        gauge(MetricFamilies.pidsCurrent, Double(stats.pids.current))
        gauge(MetricFamilies.pidsLimit, Double(sample.limits.pids ?? 0))

        if let pressure = sample.pressure {
            let families = [(pressure.cpu, MetricFamilies.cpuWaiting, MetricFamilies.cpuStalled),
                            (pressure.memory, MetricFamilies.memoryWaiting, MetricFamilies.memoryStalled),
                            (pressure.io, MetricFamilies.ioWaiting, MetricFamilies.ioStalled)]
            for case let (stall?, waiting, stalled) in families {
                seconds(waiting, nanoseconds: stall.someTotal &* 1000)
                seconds(stalled, nanoseconds: stall.fullTotal &* 1000)
            }
        }
        gauge(MetricFamilies.lastSeen, now)
    }

    /// Swap in use: v1's memory.stat says it; v2's "swap" entry is memory plus swap.
    static func swap(_ memory: CgroupStats.Memory) -> UInt64 {
        if let swap = memory.raw["total_swap"] ?? memory.raw["swap"] { return swap }
        return memory.swap.usage > memory.usage.usage ? memory.swap.usage - memory.usage.usage : 0
    }
}

/// Block device names for the `device` label ("/dev/vda", as cAdvisor shows them), from
/// /sys/dev/block/MAJOR:MINOR/uevent, looked up once per device per scrape.
struct DeviceNames {
    var known: [String: String] = [:]

    mutating func name(major: UInt64, minor: UInt64) -> String {
        let number = "\(major):\(minor)"
        if let name = known[number] { return name }
        var name = number
        if let uevent = try? Files.readText("/sys/dev/block/\(number)/uevent") {
            for line in uevent.split(separator: "\n") where line.hasPrefix("DEVNAME=") {
                name = "/dev/" + line.dropFirst("DEVNAME=".count)
            }
        }
        known[number] = name
        return name
    }
}
