/// How cgroups are mounted on this host, decided from /proc/self/mountinfo.
public enum CgroupMode: String, Sendable, Equatable {
    /// Only v1 hierarchies (one per controller or co-mounted group).
    case legacy
    /// v1 hierarchies hold the controllers, and a cgroup2 is mounted too (usually at
    /// /sys/fs/cgroup/unified, for systemd's process tracking). Limits go through v1.
    case hybrid
    /// Pure cgroup v2: one hierarchy holds every controller.
    case unified
}
