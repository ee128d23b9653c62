#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// Performs the config's mounts inside the (not yet pivoted) rootfs, in config order.
struct MountApplier {
    let root: SafePath
    let inUserNamespace: Bool
    let cgroupUnified: Bool

    func apply(_ mount: PlannedMount) throws(StrataError) {
        if mount.idmapped {
            throw StrataError("mount", mount.destination, reason: "idmapped mounts are not supported yet (features: idmap disabled)")
        }
        if mount.tmpcopyup {
            throw StrataError("mount", mount.destination, reason: "the tmpcopyup option is not supported yet")
        }
        try mountGeneric(mount)
    }

    private func target(for mount: PlannedMount) throws(StrataError) -> Int32 {
        if mount.isBind {
            var st = stat()
            if stat(mount.source, &st) != 0 {
                throw StrataError.system("stat", "bind source \(mount.source)")
            }
            if (st.st_mode & S_IFMT) != S_IFDIR {
                return try root.makeFile(mount.destination)
            }
        }
        return try root.makeDirectories(mount.destination)
    }

    private func mountGeneric(_ mount: PlannedMount) throws(StrataError) {
        let fd = try target(for: mount)
        defer { closeFD(fd) }
        let shown = mount.destination
        if mount.isBind {
            let bindFlags = mount.flags & (Mounts.bind | Mounts.rec)
            try Mounts.mount(source: mount.source, targetFD: fd, shown: shown, type: nil, flags: bindFlags, data: nil)
            // A bind ignores every flag but MS_REC: read-only and friends need a remount.
            let extra = mount.flags & ~(Mounts.bind | Mounts.rec | Mounts.remount)
            if extra != 0 {
                let top = try reopen(mount)
                defer { closeFD(top) }
                let locked = Mounts.lockedFlags(of: "/proc/self/fd/\(top)") & (Mounts.nosuid | Mounts.nodev | Mounts.noexec)
                try Mounts.mount(source: nil, targetFD: top, shown: shown, type: nil,
                                 flags: Mounts.bind | Mounts.remount | extra | (inUserNamespace ? locked : 0), data: nil)
            }
        } else {
            let source = mount.source.isEmpty ? mount.type : mount.source
            try Mounts.mount(source: source, targetFD: fd, shown: shown, type: mount.type,
                             flags: mount.flags & ~Mounts.remount, data: mount.data)
        }
        if mount.recursiveSet != 0 || mount.recursiveClear != 0 {
            let top = try reopen(mount)
            defer { closeFD(top) }
            try Mounts.setAttributesRecursively(top, set: mount.recursiveSet, clear: mount.recursiveClear, shown: shown)
        }
        for change in mount.propagation {
            let top = try reopen(mount)
            defer { closeFD(top) }
            try Mounts.mount(source: nil, targetFD: top, shown: shown, type: nil, flags: change, data: nil)
        }
    }

    /// An fd opened before a mount names the directory underneath it; follow-up calls
    /// (remount, propagation) must reach the new mount, so they reopen the path.
    private func reopen(_ mount: PlannedMount) throws(StrataError) -> Int32 {
        try root.open(mount.destination)
    }

    /// cgroup v2: mount cgroup2 directly (the cgroup namespace scopes it). v1: a tmpfs with
    /// one bind of this container's cgroup directory per hierarchy, read-only unless `rw`.
    func mountCgroup(_ mount: PlannedMount, directories: [CgroupDirectory]) throws(StrataError) {
        let readOnly = mount.flags & Mounts.rdonly != 0
        if cgroupUnified {
            let fd = try root.makeDirectories(mount.destination)
            defer { closeFD(fd) }
            do {
                try Mounts.mount(source: "cgroup2", targetFD: fd, shown: mount.destination, type: "cgroup2",
                                 flags: mount.flags & ~Mounts.remount, data: nil)
            } catch {
                // In a user namespace without a cgroup namespace of its own (rootless
                // without delegation) the kernel refuses a cgroup2 mount: bind the host's
                // hierarchy instead, as runc does.
                guard inUserNamespace && (error.errno == EPERM || error.errno == EBUSY) else { throw error }
                try Mounts.mount(source: "/sys/fs/cgroup", targetFD: fd, shown: mount.destination, type: nil,
                                 flags: Mounts.bind | Mounts.rec, data: nil)
                let top = try root.open(mount.destination)
                defer { closeFD(top) }
                try Mounts.mount(source: nil, targetFD: top, shown: mount.destination, type: nil,
                                 flags: Mounts.bind | Mounts.remount | Mounts.nosuid | Mounts.nodev | Mounts.noexec
                                     | (readOnly ? Mounts.rdonly : 0), data: nil)
            }
            return
        }
        let top = try root.makeDirectories(mount.destination)
        try Mounts.mount(source: "tmpfs", targetFD: top, shown: mount.destination, type: "tmpfs",
                         flags: Mounts.nosuid | Mounts.nodev | Mounts.noexec, data: "mode=755")
        closeFD(top)
        for directory in directories {
            let name = directory.name, hostPath = directory.hostPath
            let dest = Paths.join(mount.destination, name)
            let fd = try root.makeDirectories(dest)
            defer { closeFD(fd) }
            try Mounts.mount(source: hostPath, targetFD: fd, shown: dest, type: nil,
                             flags: Mounts.bind | Mounts.rec, data: nil)
            let flags = Mounts.bind | Mounts.remount | Mounts.nosuid | Mounts.nodev | Mounts.noexec | (readOnly ? Mounts.rdonly : 0)
            let top = root.openRaw(dest, flags: O_PATH)
            defer { closeFD(top) }
            try Mounts.mount(source: nil, targetFD: top, shown: dest, type: nil, flags: flags, data: nil)
            // Co-mounted controllers ("cpu,cpuacct") also get one symlink per controller.
            let controllers = name.split(separator: ",")
            if controllers.count > 1 {
                for controller in controllers {
                    let parent = root.openRaw(mount.destination, flags: O_RDONLY | O_DIRECTORY)
                    if parent >= 0 { _ = symlinkat(name, parent, String(controller)); closeFD(parent) }
                }
            }
        }
        if readOnly {
            let fd = try root.open(mount.destination)
            defer { closeFD(fd) }
            try Mounts.mount(source: nil, targetFD: fd, shown: mount.destination, type: nil,
                             flags: Mounts.bind | Mounts.remount | Mounts.rdonly | Mounts.nosuid | Mounts.nodev | Mounts.noexec, data: nil)
        }
    }
}
