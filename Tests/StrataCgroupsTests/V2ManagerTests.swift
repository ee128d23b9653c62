import Testing
import StrataSystem
@testable import StrataCgroups
#if canImport(Glibc)
import Glibc
#endif

/// The v2 manager against this host's cgroup2 mount, which holds only hugetlb: membership,
/// freezing, cgroup.kill, controller delegation and removal work there; limits other than
/// hugetlb cannot be checked on this host.
@Suite(.serialized, .enabled(if: getuid() == 0 && Support.isDirectory("/sys/fs/cgroup/unified"), "needs root and a cgroup2 mount"))
struct V2ManagerTests {
    static let mount = UnifiedMount(mountPoint: "/sys/fs/cgroup/unified", root: "/")

    /// create() delegates controllers from the mount root down, as on a v2 host; put the
    /// root back afterwards so the tests leave the host as they found it. A just-removed
    /// child may keep the controller busy for a moment.
    static func restoreRoot(_ before: String) {
        guard before.isEmpty else { return }
        for _ in 0..<50 {
            if (try? Files.writeControl("/sys/fs/cgroup/unified/cgroup.subtree_control", "-hugetlb")) != nil { return }
            usleep(10_000)
        }
    }

    @Test func lifecycleOnTheUnifiedMount() throws {
        let rootControl = Support.read("/sys/fs/cgroup/unified/cgroup.subtree_control") ?? ""
        defer { Self.restoreRoot(rootControl) }
        let name = Support.uniqueName("v2")
        var manager = CgroupV2Manager(path: try CgroupPath("/\(name)/ctr", containerID: "x"), mount: Self.mount, own: "/")
        defer { _ = try? manager.destroy() }
        #expect(manager.directory == "/sys/fs/cgroup/unified/\(name)/ctr")
        try manager.create()
        #expect(manager.createdDirectories == ["/sys/fs/cgroup/unified/\(name)", "/sys/fs/cgroup/unified/\(name)/ctr"])
        #expect(Support.read("/sys/fs/cgroup/unified/\(name)/cgroup.subtree_control") == "hugetlb")

        try manager.apply(CgroupResources(hugepageLimits: [.init(pageSize: "2MB", limit: 4 << 20)]))
        #expect(Support.read(manager.directory + "/hugetlb.2MB.max") == String(4 << 20))

        // Files of controllers not delegated here are missing: the error names file and value.
        do {
            try manager.apply(CgroupResources(memory: .init(limit: 1 << 20)))
            Issue.record("memory.max written without a memory controller")
        } catch {
            #expect(error.description.contains("memory.max \"1048576\": no such file or directory"), "\(error.description)")
        }

        let pid = try Support.spawnSleep()
        try manager.addProcess(pid: pid)
        #expect(Support.procCgroup(pid, "") == "/\(name)/ctr")
        #expect(try manager.pids() == [pid])
        #expect(try !manager.isEmpty())

        try manager.freeze()
        #expect(try manager.freezerState() == .frozen)
        try manager.thaw()
        #expect(try manager.freezerState() == .thawed)

        try manager.killAll(signal: SIGKILL)
        #expect(Support.reap(pid))
        // The kernel updates "populated" as the task leaves: allow it a moment.
        var empty = false
        for _ in 0..<100 where !empty {
            empty = try manager.isEmpty()
            if !empty { usleep(5_000) }
        }
        #expect(empty)
        try manager.destroy()
        #expect(!Support.isDirectory("/sys/fs/cgroup/unified/\(name)"))
    }

    @Test func killAllWithoutCgroupKillFreezesAndSignals() throws {
        let rootControl = Support.read("/sys/fs/cgroup/unified/cgroup.subtree_control") ?? ""
        defer { Self.restoreRoot(rootControl) }
        let name = Support.uniqueName("v2term")
        var manager = CgroupV2Manager(path: try CgroupPath("/\(name)", containerID: "x"), mount: Self.mount, own: "/")
        defer { _ = try? manager.destroy() }
        try manager.create()
        let pid = try Support.spawnSleep()
        try manager.addProcess(pid: pid)
        try manager.killAll(signal: SIGTERM)
        #expect(Support.reap(pid))
        try manager.destroy()
        #expect(!Support.isDirectory("/sys/fs/cgroup/unified/\(name)"))
    }
}
