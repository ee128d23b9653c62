import StrataSystem

/// Entry points: detect the host's layout and build the right manager.
public enum Cgroups {
    /// True when /sys/fs/cgroup is a cgroup2 filesystem (pure v2): one statfs, for
    /// callers that must decide before reading the mount table.
    public static func unifiedBySuperblock(_ path: String = "/sys/fs/cgroup") -> Bool {
        Files.filesystemMagic(path) == 0x6367_7270 // CGROUP2_SUPER_MAGIC
    }

    /// The host's cgroup mode, from /proc/self/mountinfo.
    public static func detectMode() throws(StrataError) -> CgroupMode {
        try mode(of: try CgroupMounts.current())
    }

    static func mode(of mounts: CgroupMounts) throws(StrataError) -> CgroupMode {
        guard let mode = mounts.mode else {
            throw StrataError("detect cgroups", "/proc/self/mountinfo", reason: "no cgroup filesystem is mounted")
        }
        return mode
    }

    /// The manager for OCI `linux.cgroupsPath` `path` of container `containerID`: v1 on
    /// legacy and hybrid hosts, v2 on unified ones. Reads /proc/self/mountinfo and
    /// /proc/self/cgroup; creates nothing.
    public static func manager(path: String, containerID: String) throws(StrataError) -> any CgroupManager {
        let cgroupPath = try CgroupPath(path, containerID: containerID)
        return try manager(path: cgroupPath, mounts: try CgroupMounts.current(),
                           membership: try CgroupMembership.current())
    }

    /// The same from already-read tables, for tests and for callers that read them once.
    public static func manager(path: CgroupPath, mounts: CgroupMounts,
                               membership: CgroupMembership) throws(StrataError) -> any CgroupManager {
        switch try mode(of: mounts) {
        case .legacy, .hybrid:
            return CgroupV1Manager(path: path, mounts: mounts, membership: membership)
        case .unified:
            guard let unified = mounts.unified else {
                throw StrataError("detect cgroups", "/proc/self/mountinfo", reason: "no cgroup2 mount")
            }
            return CgroupV2Manager(path: path, mount: unified, own: membership.unified ?? "/")
        }
    }
}
