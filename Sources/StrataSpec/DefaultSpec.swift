extension Spec {
    /// The config `strun spec` writes: the content of `runc spec` (runc 1.1.5) with
    /// hostname `strun` and this module's `ociVersion`.
    public static func defaultConfig() -> Spec {
        let capabilities = ["CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE"]
        return Spec(
            ociVersion: Spec.version,
            process: Process(
                terminal: true,
                user: User(uid: 0, gid: 0),
                args: ["sh"],
                env: [
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "TERM=xterm",
                ],
                cwd: "/",
                capabilities: LinuxCapabilities(
                    bounding: capabilities,
                    effective: capabilities,
                    permitted: capabilities,
                    ambient: capabilities
                ),
                rlimits: [POSIXRlimit(type: "RLIMIT_NOFILE", hard: 1024, soft: 1024)],
                noNewPrivileges: true
            ),
            root: Root(path: "rootfs", readonly: true),
            hostname: "strun",
            mounts: [
                Mount(destination: "/proc", type: "proc", source: "proc"),
                Mount(destination: "/dev", type: "tmpfs", source: "tmpfs",
                      options: ["nosuid", "strictatime", "mode=755", "size=65536k"]),
                Mount(destination: "/dev/pts", type: "devpts", source: "devpts",
                      options: ["nosuid", "noexec", "newinstance", "ptmxmode=0666", "mode=0620", "gid=5"]),
                Mount(destination: "/dev/shm", type: "tmpfs", source: "shm",
                      options: ["nosuid", "noexec", "nodev", "mode=1777", "size=65536k"]),
                Mount(destination: "/dev/mqueue", type: "mqueue", source: "mqueue",
                      options: ["nosuid", "noexec", "nodev"]),
                Mount(destination: "/sys", type: "sysfs", source: "sysfs",
                      options: ["nosuid", "noexec", "nodev", "ro"]),
                Mount(destination: "/sys/fs/cgroup", type: "cgroup", source: "cgroup",
                      options: ["nosuid", "noexec", "nodev", "relatime", "ro"]),
            ],
            linux: Linux(
                resources: LinuxResources(devices: [LinuxDeviceCgroup(allow: false, access: "rwm")]),
                namespaces: ["pid", "network", "ipc", "uts", "mount"].map { LinuxNamespace(type: $0) },
                maskedPaths: [
                    "/proc/acpi", "/proc/asound", "/proc/kcore", "/proc/keys", "/proc/latency_stats",
                    "/proc/timer_list", "/proc/timer_stats", "/proc/sched_debug", "/sys/firmware",
                    "/proc/scsi",
                ],
                readonlyPaths: ["/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger"]
            )
        )
    }

    /// The config `strun spec --rootless` writes, as `runc spec --rootless` does: a user
    /// namespace mapping container root to the caller, the host network (an unprivileged user
    /// cannot configure a new one), sysfs bind-mounted because it cannot be mounted fresh, no
    /// `gid=5` on devpts and no cgroup device rules.
    public static func rootlessConfig(uid: UInt32, gid: UInt32) -> Spec {
        var spec = defaultConfig()
        guard var linux = spec.linux else { return spec }
        linux.resources = nil
        linux.uidMappings = [LinuxIDMapping(containerID: 0, hostID: uid, size: 1)]
        linux.gidMappings = [LinuxIDMapping(containerID: 0, hostID: gid, size: 1)]
        var namespaces = (linux.namespaces ?? []).filter { $0.type != "network" }
        namespaces.append(LinuxNamespace(type: "user"))
        linux.namespaces = namespaces
        spec.linux = linux
        spec.mounts = spec.mounts?.map { mount in
            var mount = mount
            if mount.destination == "/sys" {
                mount = Mount(destination: "/sys", type: "none", source: "/sys",
                              options: ["rbind", "nosuid", "noexec", "nodev", "ro"])
            } else if mount.type == "devpts" {
                mount.options = mount.options?.filter { !$0.hasPrefix("gid=") }
            }
            return mount
        }
        return spec
    }
}

extension Spec {
    /// The config `strun spec --hardened` writes: the default one plus Strata's seccomp
    /// allow-list, a cgroup namespace, a pids limit and no_new_privs. Combined with
    /// `--rootless` it also runs in a user namespace.
    public static func hardened(_ base: Spec) -> Spec {
        var spec = base
        spec.process?.noNewPrivileges = true
        guard var linux = spec.linux else { return spec }
        linux.seccomp = HardenedSeccompProfile.profile()
        var namespaces = linux.namespaces ?? []
        if !namespaces.contains(where: { $0.type == "cgroup" }) {
            namespaces.append(LinuxNamespace(type: "cgroup"))
        }
        linux.namespaces = namespaces
        // A fork bomb stops at the limit instead of at the host's.
        var resources = linux.resources ?? LinuxResources()
        resources.pids = LinuxPids(limit: 1024)
        linux.resources = resources
        spec.linux = linux
        return spec
    }
}
