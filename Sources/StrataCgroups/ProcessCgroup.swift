import StrataSystem

/// The cgroup of a process that is already running, for readers of its stats
/// (`strata stats`, the Prometheus exporter). Unlike `manager(path:containerID:)`, which
/// resolves a config's cgroupsPath for a runtime about to create it, this takes the paths
/// the kernel lists in /proc/PID/cgroup, so it finds containers whatever runtime, driver
/// or parent cgroup placed them (containerd's, Docker's, Podman's, a relative path).
extension Cgroups {
    /// The manager of `pid`'s cgroup in `mounts` (read once per scrape by the caller).
    /// /proc/PID/cgroup names paths from the reader's cgroup namespace, so a container
    /// with its own cgroup namespace is still seen at its host path.
    public static func manager(ofProcess pid: Int32, mounts: CgroupMounts) throws(StrataError) -> any CgroupManager {
        let path = "/proc/\(pid)/cgroup"
        let membership = CgroupMembership.parse(try Files.readText(path))
        switch try mode(of: mounts) {
        case .legacy, .hybrid:
            return CgroupV1Manager(membership: membership, mounts: mounts)
        case .unified:
            guard let unified = mounts.unified, let own = membership.unified else {
                throw StrataError("read cgroup", path, reason: "no cgroup2 line for a unified host")
            }
            return CgroupV2Manager(directory: Self.directory(unified.mountPoint, unified.root, own),
                                   mountPoint: unified.mountPoint)
        }
    }

    /// Where cgroup `path` (as /proc shows it) lies under a mount showing `mountRoot`.
    static func directory(_ mountPoint: String, _ mountRoot: String, _ path: String) -> String {
        Paths.join(mountPoint, CgroupPath.strip(root: mountRoot, from: path))
    }
}

extension CgroupV1Manager {
    /// One directory per hierarchy, each from the process's own line for it: v1 paths
    /// may differ between hierarchies (runc puts a relative path under the runtime's cgroup
    /// in each one).
    init(membership: CgroupMembership, mounts: CgroupMounts) {
        self.init(mounts: mounts, directory: Cgroups.directory) { membership.path(in: $0) } unified: { membership.unified ?? "/" }
    }
}

extension CgroupV2Manager {
    init(directory: String, mountPoint: String) {
        mode = .unified
        self.mountPoint = mountPoint
        self.directory = directory
    }
}
