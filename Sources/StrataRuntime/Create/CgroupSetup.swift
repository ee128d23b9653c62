import StrataSystem
import StrataSpec
import StrataCgroups

/// Maps the OCI config onto the cgroup layer, which knows nothing of OCI.
enum CgroupSetup {
    static func manager(for spec: Spec, id: String) throws(StrataError) -> any CgroupManager {
        try manager(path: spec.linux?.cgroupsPath ?? "", id: id)
    }

    static func manager(path: String, id: String) throws(StrataError) -> any CgroupManager {
        do {
            let tables = try HostCgroups.tables()
            return try Cgroups.manager(path: CgroupPath(path, containerID: id), mounts: tables.mounts,
                                       membership: tables.membership)
        } catch {
            throw error.within("linux.cgroupsPath")
        }
    }

    /// Host directories to bind for a v1 `cgroup` mount, named as under /sys/fs/cgroup.
    static func mountSources(_ manager: some CgroupManager) -> [CgroupDirectory] {
        manager.paths.compactMap { key, dir in
            if key.isEmpty { return nil }
            let name = key.hasPrefix("name=") ? String(key.dropFirst(5)) : key
            return CgroupDirectory(name: name, hostPath: dir)
        }.sorted { $0.name < $1.name }
    }

    static func resources(from r: LinuxResources?) -> CgroupResources {
        var out = CgroupResources()
        guard let r else { return out }
        if let m = r.memory {
            out.memory = .init(limit: m.limit, reservation: m.reservation, swap: m.swap,
                               swappiness: m.swappiness, disableOOMKiller: m.disableOOMKiller)
        }
        if let c = r.cpu {
            out.cpu = .init(shares: c.shares, quota: c.quota, period: c.period, burst: c.burst,
                            realtimeRuntime: c.realtimeRuntime, realtimePeriod: c.realtimePeriod,
                            cpus: c.cpus, mems: c.mems, idle: c.idle)
        }
        out.pidsLimit = r.pids?.limit
        if let b = r.blockIO {
            out.blockIO = .init(
                weight: b.weight, leafWeight: b.leafWeight,
                weightDevice: (b.weightDevice ?? []).map { .init(major: $0.major, minor: $0.minor, weight: $0.weight, leafWeight: $0.leafWeight) },
                throttleReadBpsDevice: (b.throttleReadBpsDevice ?? []).map { .init(major: $0.major, minor: $0.minor, rate: $0.rate) },
                throttleWriteBpsDevice: (b.throttleWriteBpsDevice ?? []).map { .init(major: $0.major, minor: $0.minor, rate: $0.rate) },
                throttleReadIOPSDevice: (b.throttleReadIOPSDevice ?? []).map { .init(major: $0.major, minor: $0.minor, rate: $0.rate) },
                throttleWriteIOPSDevice: (b.throttleWriteIOPSDevice ?? []).map { .init(major: $0.major, minor: $0.minor, rate: $0.rate) })
        }
        out.hugepageLimits = (r.hugepageLimits ?? []).map { .init(pageSize: $0.pageSize, limit: $0.limit) }
        if let n = r.network {
            out.network = .init(classID: n.classID, priorities: (n.priorities ?? []).map { .init(name: $0.name, priority: $0.priority) })
        }
        out.unified = r.unified ?? [:]
        return out
    }
}

/// /proc/self/mountinfo and /proc/self/cgroup, read once per `strun` invocation: a
/// command asks for the cgroup manager several times (create, status, destroy).
enum HostCgroups {
    // strun is single-threaded by design (see DESIGN.md), so a plain cache is safe.
    nonisolated(unsafe) private static var cached: (mounts: CgroupMounts, membership: CgroupMembership)?

    static func tables() throws(StrataError) -> (mounts: CgroupMounts, membership: CgroupMembership) {
        if let cached { return cached }
        let fresh = (try CgroupMounts.current(), try CgroupMembership.current())
        cached = fresh
        return fresh
    }
}
