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

    /// mount(2) by path: only for paths the container cannot reach or change (the host
    /// side before pivot_root, `/` and `.` after it). Inside the container, mount by
    /// descriptor (MountDescriptors.swift). `shown` names the target in errors.
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

    public static func unmount(_ target: String, flags: Int32) throws(StrataError) {
        try sys("umount", target) { umount2(target, flags) }
    }

    public static func pivotRoot(newRoot: String, putOld: String) throws(StrataError) {
        try sys("pivot_root", newRoot) { strata_pivot_root(newRoot, putOld) }
    }

    /// mount_setattr(2) with AT_RECURSIVE on an fd: the recursive options (`rro`, ...)
    /// that mount(2) cannot express.
    public static func setAttributesRecursively(_ fd: Int32, set: UInt64, clear: UInt64, shown: String) throws(StrataError) {
        try sys("mount_setattr", shown) { strata_mount_setattr_recursive(fd, set, clear) }
    }
}
