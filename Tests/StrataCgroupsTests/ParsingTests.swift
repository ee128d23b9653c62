import Testing
import StrataSystem
@testable import StrataCgroups

/// Pure functions: mount table, /proc/PID/cgroup, path resolution, value conversions.
struct ParsingTests {
    static let hybridMountinfo = """
    31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
    32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
    35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
    40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,xattr,name=systemd
    41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
    """

    @Test func hybridLayout() {
        let mounts = CgroupMounts.parse(mountinfo: Self.hybridMountinfo)
        #expect(mounts.mode == .hybrid)
        #expect(mounts.v1.map(\.controllers) == [["cpu"], ["memory"], ["name=systemd"]])
        #expect(mounts.hierarchy(for: "memory")?.mountPoint == "/sys/fs/cgroup/memory")
        #expect(mounts.unified == UnifiedMount(mountPoint: "/sys/fs/cgroup/unified", root: "/"))
    }

    @Test func legacyWithCoMountsOptionalFieldsAndEscapes() {
        let text = """
        25 20 0:22 / /sys/fs/cgroup/cpu,cpuacct rw,nosuid shared:9 - cgroup cgroup rw,cpu,cpuacct
        26 20 0:23 /docker/abc /sys/fs/cgroup/my\\040mem rw shared:10 master:3 - cgroup cgroup rw,memory,clone_children
        27 20 0:23 /docker/abc /mnt/again rw - cgroup cgroup rw,memory
        28 20 0:24 / /sys/fs/cgroup/net_cls,net_prio rw - cgroup cgroup rw,net_cls,net_prio,release_agent=/x
        """
        let mounts = CgroupMounts.parse(mountinfo: text)
        #expect(mounts.mode == .legacy)
        #expect(mounts.v1.count == 3)
        #expect(mounts.hierarchy(for: "cpuacct")?.controllers == ["cpu", "cpuacct"])
        #expect(mounts.hierarchy(for: "memory") ==
            V1Hierarchy(controllers: ["memory"], mountPoint: "/sys/fs/cgroup/my mem", root: "/docker/abc"))
        #expect(mounts.hierarchy(for: "net_prio")?.controllers == ["net_cls", "net_prio"])
    }

    @Test func unifiedLayout() {
        let text = "30 23 0:26 / /sys/fs/cgroup rw,nosuid - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot\n"
        let mounts = CgroupMounts.parse(mountinfo: text)
        #expect(mounts.mode == .unified)
        #expect(mounts.v1.isEmpty)
        // A named-only v1 hierarchy beside cgroup2 carries no limits: still unified.
        let withNamed = text + "31 23 0:27 / /run/systemd rw - cgroup cgroup rw,name=systemd\n"
        #expect(CgroupMounts.parse(mountinfo: withNamed).mode == .unified)
        #expect(CgroupMounts.parse(mountinfo: "").mode == nil)
    }

    @Test func thisHostIsHybrid() throws {
        #expect(try Cgroups.detectMode() == .hybrid)
        let mounts = try CgroupMounts.current()
        for controller in ["cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids", "name=systemd"] {
            #expect(mounts.hierarchy(for: controller) != nil, "\(controller)")
        }
        #expect(mounts.unified?.mountPoint == "/sys/fs/cgroup/unified")
    }

    @Test func membership() {
        let parsed = CgroupMembership.parse("""
        9:name=systemd:/
        2:cpuacct,cpu:/a:b
        4:memory:/process_api/x
        0::/user.slice
        """)
        #expect(parsed.unified == "/user.slice")
        #expect(parsed.path(in: V1Hierarchy(controllers: ["cpu", "cpuacct"], mountPoint: "/m", root: "/")) == "/a:b")
        #expect(parsed.path(in: V1Hierarchy(controllers: ["memory"], mountPoint: "/m", root: "/")) == "/process_api/x")
        #expect(parsed.path(in: V1Hierarchy(controllers: ["pids"], mountPoint: "/m", root: "/")) == "/")
    }

    @Test func pathResolution() throws {
        let empty = try CgroupPath("", containerID: "c1")
        #expect(empty.base == .ownCgroup && empty.components == ["c1"])
        #expect(empty.directory(mountPoint: "/sys/fs/cgroup/memory", mountRoot: "/", own: "/process_api/x")
            == "/sys/fs/cgroup/memory/process_api/x/c1")
        #expect(empty.directory(mountPoint: "/sys/fs/cgroup/pids", mountRoot: "/", own: "/") == "/sys/fs/cgroup/pids/c1")

        let absolute = try CgroupPath("/a//b/./c/", containerID: "ignored")
        #expect(absolute.base == .hierarchyRoot && absolute.relativePath == "a/b/c")
        #expect(absolute.directory(mountPoint: "/sys/fs/cgroup/memory", mountRoot: "/", own: "/process_api/x")
            == "/sys/fs/cgroup/memory/a/b/c")
        #expect(absolute.cgroup(own: "/x") == "/a/b/c")

        let relative = try CgroupPath("k8s/pod1/../pod2", containerID: "c")
        #expect(relative.relativePath == "k8s/pod2")
        #expect(relative.cgroup(own: "/x") == "/x/k8s/pod2")
        // A bind-mounted subtree shows the own cgroup relative to the mount root.
        #expect(relative.directory(mountPoint: "/sys/fs/cgroup/memory", mountRoot: "/docker/abc", own: "/docker/abc/y")
            == "/sys/fs/cgroup/memory/y/k8s/pod2")
    }

    @Test(arguments: ["../x", "a/../../x", "/..", "/../etc", "/", "a/..", "."])
    func escapingPathsAreRejected(_ path: String) {
        #expect(throws: StrataError.self) { try CgroupPath(path, containerID: "c") }
    }

    @Test func containerIDWithDotDotIsRejected() {
        #expect(throws: StrataError.self) { try CgroupPath("", containerID: "..") }
    }

    @Test func sharesToWeight() {
        #expect(CgroupConversions.cpuWeight(fromShares: 0) == 0)
        #expect(CgroupConversions.cpuWeight(fromShares: 2) == 1)
        #expect(CgroupConversions.cpuWeight(fromShares: 1024) == 39)
        #expect(CgroupConversions.cpuWeight(fromShares: 262_144) == 10_000)
        #expect(CgroupConversions.cpuWeight(fromShares: 1) == 1)
        #expect(CgroupConversions.cpuWeight(fromShares: 1_000_000) == 10_000)
        #expect(CgroupConversions.ioWeight(fromBlkioWeight: 10) == 1)
        #expect(CgroupConversions.ioWeight(fromBlkioWeight: 1000) == 10_000)
        #expect(CgroupConversions.ioWeight(fromBlkioWeight: 500) == 4950)
    }

    @Test func swapConversion() throws {
        #expect(try CgroupConversions.swapMax(swap: nil, memory: nil) == nil)
        #expect(try CgroupConversions.swapMax(swap: nil, memory: 100) == nil)
        #expect(try CgroupConversions.swapMax(swap: nil, memory: -1) == -1)
        #expect(try CgroupConversions.swapMax(swap: -1, memory: 100) == -1)
        #expect(try CgroupConversions.swapMax(swap: 300, memory: 100) == 200)
        #expect(try CgroupConversions.swapMax(swap: 100, memory: 100) == 0)
        #expect(throws: StrataError.self) { try CgroupConversions.swapMax(swap: 50, memory: 100) }
        #expect(throws: StrataError.self) { try CgroupConversions.swapMax(swap: 50, memory: nil) }
        #expect(throws: StrataError.self) { try CgroupConversions.swapMax(swap: 50, memory: -1) }
    }

    @Test func cpuMaxText() {
        #expect(CgroupConversions.cpuMax(quota: nil, period: nil) == nil)
        #expect(CgroupConversions.cpuMax(quota: 50_000, period: 100_000) == "50000 100000")
        #expect(CgroupConversions.cpuMax(quota: -1, period: 100_000) == "max 100000")
        #expect(CgroupConversions.cpuMax(quota: 20_000, period: nil) == "20000")
        #expect(CgroupConversions.cpuMax(quota: nil, period: 50_000) == "max 50000")
    }
}
