import StrataCgroups

/// The directories of one container's cgroup per controller, and the path that names it
/// (the `id` label, as cAdvisor uses the cgroup path). On v2 every controller shares one.
struct CgroupDirectories: Sendable, Equatable {
    var unified: Bool
    var cpu: String?
    var cpuset: String?
    var memory: String?
    var pids: String?
    var blkio: String?
    /// The cgroup path as /proc/PID/cgroup shows it (v1: the cpu hierarchy's).
    var name: String

    init(_ manager: any CgroupManager) {
        if let v1 = manager as? CgroupV1Manager {
            unified = false
            cpu = v1.directory(for: "cpu")
            cpuset = v1.directory(for: "cpuset")
            memory = v1.directory(for: "memory")
            pids = v1.directory(for: "pids")
            blkio = v1.directory(for: "blkio")
            let placement = v1.placements.first { $0.hierarchy.has("cpu") } ?? v1.placements.first
            name = placement.map { Self.relative($0.directory, to: $0.hierarchy.mountPoint) } ?? "/"
        } else if let v2 = manager as? CgroupV2Manager {
            unified = true
            (cpu, cpuset, memory, pids, blkio) = (v2.directory, v2.directory, v2.directory, v2.directory, v2.directory)
            name = Self.relative(v2.directory, to: v2.mountPoint)
        } else {
            unified = false
            name = "/"
        }
    }

    static func relative(_ directory: String, to mountPoint: String) -> String {
        guard directory.hasPrefix(mountPoint) else { return directory }
        let rest = String(directory.dropFirst(mountPoint.count))
        return rest.isEmpty ? "/" : rest
    }
}
