#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// Performs the config's mounts inside the (not yet pivoted) rootfs, in config order.
///
/// Each target is opened once, beneath the root; the mount is made detached (a clone of
/// the bind source, or a new filesystem), given its flags while nobody can see it, and
/// attached onto that descriptor. Propagation changes go through the mount's own
/// descriptor afterwards. No path inside the container is resolved a second time, so a
/// racing process that swaps a directory for a symlink cannot redirect any step.
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
        let shown = mount.destination
        let detached: Int32
        if mount.isBind {
            detached = try bindTree(mount)
        } else {
            detached = try Mounts.newFilesystem(type: mount.type, source: mount.source.isEmpty ? mount.type : mount.source,
                                                flags: mount.flags & ~Mounts.remount, data: mount.data, shown: shown)
        }
        defer { closeFD(detached) }
        let target = try self.target(for: mount, sourceIsDirectory: Self.isDirectory(detached))
        defer { closeFD(target) }
        try ProcDestination.check(mount, target: target)
        if mount.recursiveSet != 0 || mount.recursiveClear != 0 {
            try Mounts.setAttributes(detached, set: mount.recursiveSet, clear: mount.recursiveClear,
                                     recursive: true, shown: shown)
        }
        try Mounts.attach(detached, onto: target, shown: shown)
        for change in mount.propagation {
            try Mounts.setAttributes(detached, set: 0, clear: 0, propagation: change & ~Mounts.rec,
                                     recursive: change & Mounts.rec != 0, shown: shown)
        }
    }

    /// A detached clone of the bind source with the mount flags the config asks for.
    /// mount(2) ignores those on a bind and needs a remount; here they are set before the
    /// mount is visible, and flags the config leaves out are cleared, as a remount does,
    /// except nosuid/nodev/noexec a user namespace inherited locked.
    private func bindTree(_ mount: PlannedMount) throws(StrataError) -> Int32 {
        let tree = try Mounts.cloneTree(AT_FDCWD, mount.source, recursive: mount.flags & Mounts.rec != 0,
                                        shown: "bind source \(mount.source)")
        let extra = mount.flags & ~(Mounts.bind | Mounts.rec | Mounts.remount)
        guard extra != 0 else { return tree }
        let (set, atime) = Mounts.attributes(of: extra)
        var clear = (Mounts.attrRdonly | Mounts.attrNosuid | Mounts.attrNodev | Mounts.attrNoexec
                     | Mounts.attrNodiratime | Mounts.attrNosymfollow) & ~set
        if inUserNamespace {
            clear &= ~(Mounts.currentAttributes(tree) & (Mounts.attrNosuid | Mounts.attrNodev | Mounts.attrNoexec))
        }
        if atime { clear |= Mounts.attrAtimeMask }
        do {
            try Mounts.setAttributes(tree, set: set, clear: clear, recursive: false, shown: mount.destination)
        } catch {
            closeFD(tree)
            throw error
        }
        return tree
    }

    /// Opens the target once: a file for a bind of a file, else a directory (made, with
    /// its parents, where missing).
    private func target(for mount: PlannedMount, sourceIsDirectory: Bool) throws(StrataError) -> Int32 {
        if mount.isBind && !sourceIsDirectory {
            return try root.makeFile(mount.destination)
        }
        return try root.makeDirectories(mount.destination)
    }

    private static func isDirectory(_ fd: Int32) -> Bool {
        var st = stat()
        return fstat(fd, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// cgroup v2: mount cgroup2 directly (the cgroup namespace scopes it). v1: a tmpfs with
    /// one bind of this container's cgroup directory per hierarchy, read-only unless `rw`.
    func mountCgroup(_ mount: PlannedMount, directories: [CgroupDirectory]) throws(StrataError) {
        let readOnly = mount.flags & Mounts.rdonly != 0
        let shown = mount.destination
        let target = try root.makeDirectories(mount.destination)
        defer { closeFD(target) }
        if cgroupUnified {
            let detached: Int32
            do {
                detached = try Mounts.newFilesystem(type: "cgroup2", source: "cgroup2", flags: mount.flags & ~Mounts.remount,
                                                    data: nil, shown: shown)
            } catch {
                // In a user namespace without a cgroup namespace of its own (rootless
                // without delegation) the kernel refuses a cgroup2 mount: bind the host's
                // hierarchy instead, as runc does.
                guard inUserNamespace && (error.errno == EPERM || error.errno == EBUSY) else { throw error }
                try bindHostHierarchy(onto: target, readOnly: readOnly, shown: shown)
                return
            }
            defer { closeFD(detached) }
            try Mounts.attach(detached, onto: target, shown: shown)
            return
        }
        let tmpfs = try Mounts.newFilesystem(type: "tmpfs", source: "tmpfs",
                                             flags: Mounts.nosuid | Mounts.nodev | Mounts.noexec, data: "mode=755", shown: shown)
        defer { closeFD(tmpfs) }
        try Mounts.attach(tmpfs, onto: target, shown: shown)
        // From here on the tmpfs's own descriptor is the parent: nothing is looked up by path.
        for directory in directories {
            let name = directory.name
            let dest = Paths.join(mount.destination, name)
            if mkdirat(tmpfs, name, 0o755) != 0 && currentErrno() != EEXIST {
                throw StrataError.system("mkdir", dest)
            }
            let fd = try sys("open", dest) { openat(tmpfs, name, O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
            defer { closeFD(fd) }
            let tree = try Mounts.cloneTree(AT_FDCWD, directory.hostPath, recursive: true, shown: "bind source \(directory.hostPath)")
            defer { closeFD(tree) }
            try Mounts.setAttributes(tree, set: Mounts.attrNosuid | Mounts.attrNodev | Mounts.attrNoexec
                                         | (readOnly ? Mounts.attrRdonly : 0),
                                     clear: 0, recursive: false, shown: dest)
            try Mounts.attach(tree, onto: fd, shown: dest)
            // Co-mounted controllers ("cpu,cpuacct") also get one symlink per controller.
            let controllers = name.split(separator: ",")
            if controllers.count > 1 {
                for controller in controllers { _ = symlinkat(name, tmpfs, String(controller)) }
            }
        }
        if readOnly {
            try Mounts.setAttributes(tmpfs, set: Mounts.attrRdonly, clear: 0, recursive: false, shown: shown)
        }
    }

    private func bindHostHierarchy(onto target: Int32, readOnly: Bool, shown: String) throws(StrataError) {
        let tree = try Mounts.cloneTree(AT_FDCWD, "/sys/fs/cgroup", recursive: true, shown: "bind source /sys/fs/cgroup")
        defer { closeFD(tree) }
        try Mounts.setAttributes(tree, set: Mounts.attrNosuid | Mounts.attrNodev | Mounts.attrNoexec
                                     | (readOnly ? Mounts.attrRdonly : 0),
                                 clear: 0, recursive: false, shown: shown)
        try Mounts.attach(tree, onto: target, shown: shown)
    }
}
