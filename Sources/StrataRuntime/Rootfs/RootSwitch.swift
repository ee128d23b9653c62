#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// Making the rootfs the container's `/`.
enum RootSwitch {
    /// pivot_root without a put_old directory: pivot onto "." and lazily detach the old
    /// root stacked underneath, so no host path stays reachable.
    static func pivot(to rootfs: String) throws(StrataError) {
        let oldRoot = try sys("open", "/") { open("/", O_DIRECTORY | O_RDONLY | O_CLOEXEC) }
        defer { closeFD(oldRoot) }
        let newRoot = try sys("open", rootfs) { open(rootfs, O_DIRECTORY | O_RDONLY | O_CLOEXEC) }
        defer { closeFD(newRoot) }
        try sys("fchdir", rootfs) { fchdir(newRoot) }
        try Mounts.pivotRoot(newRoot: ".", putOld: ".")
        try sys("fchdir", "old root") { fchdir(oldRoot) }
        // Slave first, so the detach below cannot propagate an unmount to the host.
        try Mounts.mount(source: nil, target: ".", type: nil, flags: Mounts.slave | Mounts.rec, data: nil)
        try Mounts.unmount(".", flags: 2 /* MNT_DETACH */)
        try sys("chdir", "/") { chdir("/") }
    }

    /// --no-pivot: move the rootfs over / and chroot, for ramdisk roots where pivot_root fails.
    static func moveAndChroot(to rootfs: String) throws(StrataError) {
        try sys("chdir", rootfs) { chdir(rootfs) }
        try Mounts.mount(source: rootfs, target: "/", type: nil, flags: Mounts.move, data: nil)
        try sys("chroot", rootfs) { chroot(".") }
        try sys("chdir", "/") { chdir("/") }
    }
}
