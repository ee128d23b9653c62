import CShim
#if canImport(Glibc)
import Glibc
#endif

/// mount(2), umount2(2) and pivot_root(2), with errors naming source and target.
public enum Mounts {
    public static let rdonly: UInt = 1, nosuid: UInt = 2, nodev: UInt = 4, noexec: UInt = 8
    public static let remount: UInt = 32, bind: UInt = 4096, move: UInt = 8192, rec: UInt = 16384
    public static let privateFlag: UInt = 1 << 18, slave: UInt = 1 << 19, shared: UInt = 1 << 20
    public static let unbindable: UInt = 1 << 17

    /// `shown` names the target in errors when `target` is not the path a reader knows
    /// (an fd path under /proc/self/fd).
    public static func mount(source: String?, target: String, type: String?, flags: UInt, data: String?,
                             shown: String? = nil) throws(StrataError) {
        let rc = (data?.isEmpty ?? true) ? Glibc.mount(source, target, type, flags, nil)
                                         : Glibc.mount(source, target, type, flags, data)
        if rc != 0 {
            let name = shown ?? target
            let what = source.map { "\($0) to \(name)" } ?? name
            throw StrataError.system(type.map { "mount \($0)" } ?? "mount", what)
        }
    }

    /// Mounts onto an already-open fd through /proc/self/fd, so the target cannot be
    /// swapped for a symlink between resolution and mount. `shown` names it in errors.
    public static func mount(source: String?, targetFD: Int32, shown: String, type: String?, flags: UInt, data: String?) throws(StrataError) {
        try mount(source: source, target: "/proc/self/fd/\(targetFD)", type: type, flags: flags, data: data, shown: shown)
    }

    public static func unmount(_ target: String, flags: Int32) throws(StrataError) {
        try sys("umount", target) { umount2(target, flags) }
    }

    public static func pivotRoot(newRoot: String, putOld: String) throws(StrataError) {
        try sys("pivot_root", newRoot) { strata_pivot_root(newRoot, putOld) }
    }

    /// Mount flags currently set on the mount at `path` (statvfs f_flag, mapped back to
    /// MS_* bits), used to keep nosuid/nodev/noexec when remounting a bind read-only:
    /// the kernel refuses to drop locked flags inside a user namespace.
    public static func lockedFlags(of path: String) -> UInt {
        var st = statvfs()
        guard statvfs(path, &st) == 0 else { return 0 }
        var out: UInt = 0
        let f = UInt(st.f_flag)
        if f & 2 != 0 { out |= nosuid }
        if f & 4 != 0 { out |= nodev }
        if f & 8 != 0 { out |= noexec }
        if f & 1 != 0 { out |= rdonly }
        // ST_RDONLY/NOSUID/NODEV/NOEXEC are 1/2/4/8 like MS_*; ST_NOATIME 1024, ST_NODIRATIME 2048, ST_RELATIME 4096 map to MS_ values.
        if f & 1024 != 0 { out |= 1024 }
        if f & 2048 != 0 { out |= 2048 }
        if f & 4096 != 0 { out |= 1 << 21 }
        return out
    }

    /// mount_setattr(2) with AT_RECURSIVE on an fd: the recursive options (`rro`, ...)
    /// that mount(2) cannot express.
    public static func setAttributesRecursively(_ fd: Int32, set: UInt64, clear: UInt64, shown: String) throws(StrataError) {
        try sys("mount_setattr", shown) { strata_mount_setattr_recursive(fd, set, clear) }
    }
}
