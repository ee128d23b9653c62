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

    /// Devices every container may use, allowed after the config's own rules (runc's
    /// list): mknod of anything, the standard nodes, ptys and /dev/net/tun.
    static let defaultAllowedDevices: [DeviceRule] = [
        DeviceRule(allow: true, type: "c", access: "m"), DeviceRule(allow: true, type: "b", access: "m"),
        DeviceRule(allow: true, type: "c", major: 1, minor: 3), DeviceRule(allow: true, type: "c", major: 1, minor: 8),
        DeviceRule(allow: true, type: "c", major: 1, minor: 7), DeviceRule(allow: true, type: "c", major: 5, minor: 0),
        DeviceRule(allow: true, type: "c", major: 1, minor: 5), DeviceRule(allow: true, type: "c", major: 1, minor: 9),
        DeviceRule(allow: true, type: "c", major: 136), DeviceRule(allow: true, type: "c", major: 5, minor: 2),
        DeviceRule(allow: true, type: "c", major: 10, minor: 200),
    ]

    /// The config's device rules, then the defaults, then one allow rule per
    /// `linux.devices` node, so the nodes the container was given are usable.
    /// Always a full list, as runc builds it: deny-all first (v1 writes it when the config's
    /// first rule does not), the config's rules, the default allowed devices, the config's
    /// nodes. A config without device rules is not a licence to reach the host's disks.
    static func deviceRules(_ rules: [LinuxDeviceCgroup]?, nodes: [LinuxDevice]?) -> [DeviceRule] {
        var out = (rules ?? []).map { rule in
            DeviceRule(allow: rule.allow, type: rule.type ?? "a", major: rule.major, minor: rule.minor,
                       access: rule.access ?? "rwm")
        }
        out += defaultAllowedDevices
        for node in nodes ?? [] where node.type == "c" || node.type == "b" || node.type == "u" {
            out.append(DeviceRule(allow: true, type: node.type == "b" ? "b" : "c",
                                  major: node.major, minor: node.minor))
        }
        return out
    }

    static func resources(from r: LinuxResources?, devices nodes: [LinuxDevice]? = nil) -> CgroupResources {
        var out = CgroupResources()
        out.devices = deviceRules(r?.devices, nodes: nodes)
        guard let r else { return out }
        if let m = r.memory {
            out.memory = .init(limit: m.limit, reservation: m.reservation, swap: m.swap,
                               swappiness: m.swappiness, disableOOMKiller: m.disableOOMKiller,
                               useHierarchy: m.useHierarchy)
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
