#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// Builds the container's filesystem view from inside its mount namespace.
struct RootfsBuilder {
    let ctx: InitContext
    let root: SafePath
    let inUserNamespace: Bool

    init(ctx: InitContext) throws(StrataError) {
        self.ctx = ctx
        self.root = try SafePath(root: ctx.rootfs)
        self.inUserNamespace = ctx.newUserNamespace || ctx.joins.contains { $0.kind == .user }
    }

    func close() { root.close() }

    /// Host mounts stop propagating in (rslave by default, or linux.rootfsPropagation), and
    /// the rootfs becomes a mount of its own so pivot_root accepts it. Runs before the
    /// builder exists: the builder's rootfs fd must name the new bind mount, not the
    /// directory underneath it.
    static func prepare(_ ctx: InitContext) throws(StrataError) {
        let propagation = ctx.spec.linux?.rootfsPropagation ?? ""
        var flag = Mounts.slave | Mounts.rec
        switch propagation {
        case "": break
        case "slave", "rslave": flag = Mounts.slave | Mounts.rec
        case "private", "rprivate": flag = Mounts.privateFlag | Mounts.rec
        case "shared", "rshared": flag = Mounts.shared | Mounts.rec
        case "unbindable", "runbindable": flag = Mounts.unbindable | Mounts.rec
        default:
            throw StrataError("set propagation", "linux.rootfsPropagation", reason: "unknown value \"\(propagation)\"")
        }
        // pivot_root refuses a shared parent; start private, apply the requested mode at the end.
        let first = (flag & Mounts.shared != 0) ? (Mounts.privateFlag | Mounts.rec) : flag
        try Mounts.mount(source: nil, target: "/", type: nil, flags: first, data: nil)
        try Mounts.mount(source: ctx.rootfs, target: ctx.rootfs, type: nil, flags: Mounts.bind | Mounts.rec, data: nil)
    }

    /// The config's mounts in order. `cgroupDirectories` is asked for only when a cgroup
    /// mount comes: it waits for the parent's placement, which runs meanwhile.
    func mountAll(cgroupDirectories: () throws(StrataError) -> [CgroupDirectory]) throws(StrataError) {
        let applier = MountApplier(root: root, inUserNamespace: inUserNamespace, cgroupUnified: ctx.cgroupUnified)
        for mount in ctx.spec.mounts ?? [] {
            let planned = PlannedMount(mount, bundle: ctx.bundle)
            do {
                if planned.type == "cgroup" || planned.type == "cgroup2" {
                    try applier.mountCgroup(planned, directories: cgroupDirectories())
                } else {
                    try applier.apply(planned)
                }
            } catch {
                throw error.within("mount \(planned.destination)")
            }
        }
    }

    /// Device nodes and /dev symlinks, unless /dev is the host's (a bind mount).
    func populateDev() throws(StrataError) {
        let devIsBind = (ctx.spec.mounts ?? []).contains { m in
            Paths.clean(m.destination) == "/dev" && (m.type == "bind" || (m.options ?? []).contains { $0 == "bind" || $0 == "rbind" })
        }
        let setup = DeviceSetup(root: root, inUserNamespace: inUserNamespace)
        if !devIsBind {
            var devices = DeviceNode.defaults
            for device in ctx.spec.linux?.devices ?? [] {
                let node = DeviceNode(device)
                devices.removeAll { $0.path == node.path }
                devices.append(node)
            }
            try setup.create(devices)
            try setup.createSymlinks()
        } else {
            try setup.create((ctx.spec.linux?.devices ?? []).map(DeviceNode.init))
        }
    }

    func switchRoot() throws(StrataError) {
        root.close()
        if ctx.noPivot {
            try RootSwitch.moveAndChroot(to: ctx.rootfs)
        } else {
            try RootSwitch.pivot(to: ctx.rootfs)
        }
        if let propagation = ctx.spec.linux?.rootfsPropagation, propagation.contains("shared") {
            try Mounts.mount(source: nil, target: "/", type: nil, flags: Mounts.shared | Mounts.rec, data: nil)
        }
    }

    /// After pivot_root: masked and read-only paths, then a read-only root, each by
    /// descriptor beneath the new root.
    func finalize() throws(StrataError) {
        let masking = try PathMasking()
        defer { masking.close() }
        for path in ctx.spec.linux?.readonlyPaths ?? [] {
            do { try masking.makeReadOnly(path) } catch { throw error.within("readonly path") }
        }
        for path in ctx.spec.linux?.maskedPaths ?? [] {
            do { try masking.mask(path) } catch { throw error.within("masked path") }
        }
        if ctx.spec.root?.readonly ?? false {
            try masking.makeRootReadOnly()
        }
    }
}
