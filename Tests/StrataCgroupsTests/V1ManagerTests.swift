import Testing
import StrataSystem
@testable import StrataCgroups
#if canImport(Glibc)
import Glibc
#endif

/// Real cgroups on this hybrid host (v1 controllers plus cgroup2 at /sys/fs/cgroup/unified).
/// Needs root.
@Suite(.enabled(if: getuid() == 0, "needs root"))
struct V1ManagerTests {
    /// Directories `manager` uses or made: all must be gone after destroy.
    func leftovers(_ manager: some CgroupManager, _ extra: [String] = []) -> [String] {
        (Array(manager.paths.values) + manager.createdDirectories + extra).filter(Support.isDirectory)
    }

    @Test func lifecycleWithLimitsProcessesAndCleanup() throws {
        let name = Support.uniqueName("v1")
        var manager = try Cgroups.manager(path: "/\(name)/pod/ctr", containerID: "ignored")
        #expect(manager.mode == .hybrid)
        #expect(manager.paths["memory"] == "/sys/fs/cgroup/memory/\(name)/pod/ctr")
        #expect(manager.paths["name=systemd"] == "/sys/fs/cgroup/systemd/\(name)/pod/ctr")
        #expect(manager.paths[""] == "/sys/fs/cgroup/unified/\(name)/pod/ctr")
        let topLevels = manager.paths.values.map { Paths.dirname(Paths.dirname($0)) }
        defer { _ = try? manager.destroy() }

        try manager.create()
        #expect(manager.exists)
        // Three levels in each of 9 v1 hierarchies and the unified one.
        #expect(manager.createdDirectories.count == 30)

        var resources = CgroupResources()
        resources.memory = .init(limit: 64 << 20, reservation: 32 << 20, swap: 128 << 20, swappiness: 10)
        resources.cpu = .init(shares: 512, quota: 50_000, period: 100_000, cpus: "0", mems: "0")
        resources.pidsLimit = 42
        try manager.apply(resources)

        let memory = try #require(manager.paths["memory"])
        let cpu = try #require(manager.paths["cpu"])
        #expect(Support.read(memory + "/memory.limit_in_bytes") == String(64 << 20))
        #expect(Support.read(memory + "/memory.memsw.limit_in_bytes") == String(128 << 20))
        #expect(Support.read(memory + "/memory.soft_limit_in_bytes") == String(32 << 20))
        #expect(Support.read(memory + "/memory.swappiness") == "10")
        #expect(Support.read(cpu + "/cpu.shares") == "512")
        #expect(Support.read(cpu + "/cpu.cfs_quota_us") == "50000")
        #expect(Support.read(cpu + "/cpu.cfs_period_us") == "100000")
        #expect(Support.read(try #require(manager.paths["cpuset"]) + "/cpuset.cpus") == "0")
        #expect(Support.read(try #require(manager.paths["pids"]) + "/pids.max") == "42")

        // Raising memory above the current memsw only works swap-first; lowering both
        // only limit-first. Both must succeed.
        resources = CgroupResources(memory: .init(limit: 256 << 20, swap: 512 << 20))
        try manager.apply(resources)
        #expect(Support.read(memory + "/memory.limit_in_bytes") == String(256 << 20))
        #expect(Support.read(memory + "/memory.memsw.limit_in_bytes") == String(512 << 20))
        resources = CgroupResources(memory: .init(limit: 16 << 20, swap: 20 << 20))
        try manager.apply(resources)
        #expect(Support.read(memory + "/memory.limit_in_bytes") == String(16 << 20))
        #expect(Support.read(memory + "/memory.memsw.limit_in_bytes") == String(20 << 20))
        // 0 leaves the limit alone (runc's update semantics); -1 lifts it.
        try manager.apply(CgroupResources(pidsLimit: 0))
        #expect(Support.read(try #require(manager.paths["pids"]) + "/pids.max") == "42")
        try manager.apply(CgroupResources(pidsLimit: -1))
        #expect(Support.read(try #require(manager.paths["pids"]) + "/pids.max") == "max")

        let pid = try Support.spawnSleep()
        try manager.addProcess(pid: pid)
        #expect(try manager.pids() == [pid])
        #expect(try !manager.isEmpty())
        #expect(Support.procCgroup(pid, "memory") == "/\(name)/pod/ctr")
        #expect(Support.procCgroup(pid, "name=systemd") == "/\(name)/pod/ctr")
        #expect(Support.procCgroup(pid, "") == "/\(name)/pod/ctr")

        try manager.freeze()
        #expect(try manager.freezerState() == .frozen)
        try manager.thaw()
        #expect(try manager.freezerState() == .thawed)

        try manager.killAll(signal: SIGKILL)
        #expect(Support.reap(pid))
        #expect(try manager.isEmpty())
        try manager.destroy()
        #expect(!manager.exists)
        #expect(leftovers(manager, topLevels).isEmpty)
        #expect(manager.createdDirectories.isEmpty)
    }

    @Test func killAllWithTermLeavesAPausedCgroupPaused() throws {
        var manager = try Cgroups.manager(path: "/" + Support.uniqueName("term"), containerID: "x")
        defer { _ = try? manager.destroy() }
        try manager.create()
        let pid = try Support.spawnSleep()
        try manager.addProcess(pid: pid)
        try manager.freeze()
        try manager.killAll(signal: SIGTERM)
        #expect(try manager.freezerState() == .frozen)
        try manager.thaw()
        #expect(Support.reap(pid))
        try manager.destroy()
        #expect(leftovers(manager).isEmpty)
    }

    @Test func emptyPathGoesUnderOwnCgroupLikeRunc() throws {
        let id = Support.uniqueName("default")
        var manager = try Cgroups.manager(path: "", containerID: id)
        defer { _ = try? manager.destroy() }
        let membership = try CgroupMembership.current()
        let mounts = try CgroupMounts.current()
        let memoryHierarchy = try #require(mounts.hierarchy(for: "memory"))
        let own = membership.path(in: memoryHierarchy)
        #expect(manager.paths["memory"] == Paths.join(Paths.join("/sys/fs/cgroup/memory", own), id))
        try manager.create()
        let pid = try Support.spawnSleep()
        try manager.addProcess(pid: pid)
        #expect(Support.procCgroup(pid, "memory") == Paths.join(own, id))
        try manager.killAll(signal: SIGKILL)
        #expect(Support.reap(pid))
        try manager.destroy()
        #expect(leftovers(manager).isEmpty)
    }

    @Test func rejectedValueNamesFileAndValueAndCleansUp() throws {
        var manager = try Cgroups.manager(path: "/" + Support.uniqueName("bad") + "/leaf", containerID: "x")
        try manager.create()
        let created = manager.createdDirectories
        var resources = CgroupResources()
        resources.cpu.cpus = "99999"
        do {
            try manager.apply(resources)
            Issue.record("cpuset 99999 was accepted")
        } catch {
            let text = error.description
            #expect(text.contains("cpuset.cpus \"99999\""), "\(text)")
            #expect(error.errno != 0)
        }
        do {
            try manager.apply(CgroupResources(cpu: .init(quota: 500)))
            Issue.record("quota 500 was accepted")
        } catch {
            #expect(error.description.contains("cpu.cfs_quota_us \"500\": invalid argument"), "\(error.description)")
        }
        do {
            try manager.apply(CgroupResources(unified: ["memory.high": "1G"]))
            Issue.record("unified keys accepted on v1")
        } catch {}
        try manager.destroy()
        #expect(leftovers(manager, created).isEmpty)
    }

    @Test func failedCreateRemovesWhatItMade() throws {
        let mounts = try CgroupMounts.current()
        let memory = try #require(mounts.hierarchy(for: "memory"))
        let pids = try #require(mounts.hierarchy(for: "pids"))
        // The third hierarchy cannot take a directory: create fails after two succeeded.
        let broken = V1Hierarchy(controllers: ["broken"], mountPoint: "/proc/self/strata-nope", root: "/")
        let name = Support.uniqueName("half")
        var manager = CgroupV1Manager(path: try CgroupPath("/\(name)/a", containerID: "x"),
                                      mounts: CgroupMounts(v1: [memory, pids, broken], unified: nil),
                                      membership: try CgroupMembership.current())
        #expect(throws: StrataError.self) { try manager.create() }
        #expect(manager.createdDirectories.isEmpty)
        #expect(!Support.isDirectory("/sys/fs/cgroup/memory/\(name)"))
        #expect(!Support.isDirectory("/sys/fs/cgroup/pids/\(name)"))
    }

    @Test func extendedResources() throws {
        var manager = try Cgroups.manager(path: "/" + Support.uniqueName("ext"), containerID: "x")
        defer { _ = try? manager.destroy() }
        try manager.create()
        var resources = CgroupResources()
        resources.memory.disableOOMKiller = true
        resources.cpu = .init(burst: 1000, realtimeRuntime: 0, realtimePeriod: 500_000, idle: 1)
        resources.blockIO.throttleReadBpsDevice = [.init(major: 254, minor: 0, rate: 1_048_576)]
        resources.blockIO.throttleWriteIOPSDevice = [.init(major: 254, minor: 0, rate: 100)]
        try manager.apply(resources)
        let cpu = try #require(manager.paths["cpu"])
        let blkio = try #require(manager.paths["blkio"])
        #expect(Support.read(cpu + "/cpu.cfs_burst_us") == "1000")
        #expect(Support.read(cpu + "/cpu.idle") == "1")
        #expect(Support.read(cpu + "/cpu.rt_period_us") == "500000")
        #expect(Support.read(blkio + "/blkio.throttle.read_bps_device") == "254:0 1048576")
        #expect(Support.read(blkio + "/blkio.throttle.write_iops_device") == "254:0 100")
        #expect(Support.read(try #require(manager.paths["memory"]) + "/memory.oom_control")?.hasPrefix("oom_kill_disable 1") == true)

        // This host has no v1 hugetlb hierarchy, but its cgroup2 offers hugetlb: the
        // limit goes there instead of being dropped or failing the container.
        let hugepages = CgroupResources(hugepageLimits: [.init(pageSize: "2MB", limit: 2 << 20)])
        if Support.read("/sys/fs/cgroup/unified/cgroup.controllers")?.contains("hugetlb") == true {
            try manager.apply(hugepages)
            let unified = try #require(manager.paths[""])
            #expect(Support.read(unified + "/hugetlb.2MB.max") == String(2 << 20))
        } else {
            #expect(throws: StrataError.self) { try manager.apply(hugepages) }
        }
        try manager.destroy()
        #expect(leftovers(manager).isEmpty)
    }

    @Test func escapingPathIsRefusedBeforeTouchingAnything() {
        #expect(throws: StrataError.self) { try Cgroups.manager(path: "../../etc", containerID: "x") }
    }
}
