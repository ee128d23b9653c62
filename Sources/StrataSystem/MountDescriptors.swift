import CShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Mounting by descriptor with the new mount API: a mount is made detached (a clone of a
/// tree with open_tree, or a new filesystem with fsopen/fsmount), given its attributes
/// while nobody can see it, and attached with move_mount onto a target that was opened
/// once, beneath the container's root. No path is resolved again between the check and
/// the mount, and none goes through /proc, which the container may control.
extension Mounts {
    /// MOUNT_ATTR_* bits (linux/mount.h).
    public static let attrRdonly: UInt64 = 0x1, attrNosuid: UInt64 = 0x2, attrNodev: UInt64 = 0x4
    public static let attrNoexec: UInt64 = 0x8, attrAtimeMask: UInt64 = 0x70, attrNoatime: UInt64 = 0x10
    public static let attrStrictatime: UInt64 = 0x20, attrNodiratime: UInt64 = 0x80
    public static let attrNosymfollow: UInt64 = 0x200000
    /// The MS_* flags that only concern one mount (not the superblock).
    static let noatime: UInt = 1024, nodiratime: UInt = 2048, relatime: UInt = 1 << 21
    static let strictatime: UInt = 1 << 24, nosymfollow: UInt = 256

    /// MOUNT_ATTR_* bits for the per-mount MS_* flags in `flags`, and whether an atime
    /// mode was asked for (then the whole atime field is to be replaced).
    public static func attributes(of flags: UInt) -> (set: UInt64, atime: Bool) {
        var set: UInt64 = 0
        if flags & rdonly != 0 { set |= attrRdonly }
        if flags & nosuid != 0 { set |= attrNosuid }
        if flags & nodev != 0 { set |= attrNodev }
        if flags & noexec != 0 { set |= attrNoexec }
        if flags & nodiratime != 0 { set |= attrNodiratime }
        if flags & nosymfollow != 0 { set |= attrNosymfollow }
        var atime = false
        if flags & noatime != 0 { set |= attrNoatime; atime = true }
        else if flags & strictatime != 0 { set |= attrStrictatime; atime = true }
        else if flags & relatime != 0 { atime = true }
        return (set, atime)
    }

    /// A detached copy of the mount at `path` (relative to `dirFD`; "" for `dirFD`
    /// itself), with its submounts when `recursive`: the source of a bind mount.
    public static func cloneTree(_ dirFD: Int32, _ path: String, recursive: Bool, shown: String) throws(StrataError) -> Int32 {
        var flags: UInt32 = 1 /* OPEN_TREE_CLONE */
        if recursive { flags |= 0x8000 /* AT_RECURSIVE */ }
        if path.isEmpty { flags |= 0x1000 /* AT_EMPTY_PATH */ }
        return try sys("open_tree", shown) { strata_open_tree(dirFD, path, flags) }
    }

    /// A detached mount of a new `type` filesystem: `source`, the comma-separated
    /// filesystem options of `data`, the superblock flags and the per-mount flags of
    /// `flags` (MS_*), as mount(2) would take them. A refusal carries the filesystem's own
    /// message (`devpts: Bad value for 'ptmxmode'`).
    public static func newFilesystem(type: String, source: String?, flags: UInt, data: String?,
                                     shown: String) throws(StrataError) -> Int32 {
        let operation = "mount \(type)"
        let what = "\(source ?? type) to \(shown)"
        let context = try sys(operation, what) { strata_fsopen(type) }
        defer { close(context) }
        func fail(_ code: Int32, _ step: String) -> StrataError {
            let said = contextMessages(context)
            return StrataError(operation, what, errno: code, reason: said.isEmpty ? step : "\(step): \(said)")
        }
        var settings: [(String, String?)] = []
        if let source, !source.isEmpty { settings.append(("source", source)) }
        // Superblock flags are options of the filesystem context.
        if flags & rdonly != 0 { settings.append(("ro", nil)) }
        if flags & 16 != 0 { settings.append(("sync", nil)) }
        if flags & 128 != 0 { settings.append(("dirsync", nil)) }
        if flags & (1 << 25) != 0 { settings.append(("lazytime", nil)) }
        for option in (data ?? "").split(separator: ",", omittingEmptySubsequences: true) {
            if let eq = option.firstIndex(of: "=") {
                settings.append((String(option[..<eq]), String(option[option.index(after: eq)...])))
            } else {
                settings.append((String(option), nil))
            }
        }
        for (key, value) in settings {
            if strata_fsconfig_set(context, key, value) != 0 {
                let code = currentErrno()
                throw fail(code, "option \(value.map { "\(key)=\($0)" } ?? key)")
            }
        }
        if strata_fsconfig_create(context) != 0 {
            let code = currentErrno()
            throw fail(code, "create superblock")
        }
        let mountAttributes = attributes(of: flags).set
        let mount = strata_fsmount(context, UInt32(truncatingIfNeeded: mountAttributes))
        if mount < 0 {
            let code = currentErrno()
            throw fail(code, "fsmount")
        }
        return mount
    }

    /// The messages a filesystem context logged ("e devpts: Bad value for 'ptmxmode'"),
    /// without their level prefix, joined.
    private static func contextMessages(_ context: Int32) -> String {
        var lines: [String] = []
        var buf = [UInt8](repeating: 0, count: 1024)
        while lines.count < 8 {
            let n = buf.withUnsafeMutableBytes { read(context, $0.baseAddress, $0.count) }
            if n <= 0 { break }
            // The kernel ends each message with a newline: drop it rather than escape it.
            var line = String(decoding: buf[0..<n], as: UTF8.self)
            while line.last == "\n" { line.removeLast() }
            if line.count > 2, line.dropFirst().first == " " { line = String(line.dropFirst(2)) }
            lines.append(line)
        }
        return lines.joined(separator: "; ")
    }

    /// Attaches the detached mount `mountFD` onto the file or directory `targetFD` names.
    /// Afterwards `mountFD` names the attached mount: follow-up changes use it, not a path.
    public static func attach(_ mountFD: Int32, onto targetFD: Int32, shown: String) throws(StrataError) {
        try sys("move_mount", "to \(shown)") { strata_move_mount_fds(mountFD, targetFD) }
    }

    /// mount_setattr on the mount `fd` names: set and clear MOUNT_ATTR_* bits and, when
    /// not 0, change its propagation (MS_SHARED, MS_SLAVE, MS_PRIVATE, MS_UNBINDABLE).
    public static func setAttributes(_ fd: Int32, set: UInt64, clear: UInt64, propagation: UInt = 0,
                                     recursive: Bool, shown: String) throws(StrataError) {
        try sys("mount_setattr", shown) { strata_mount_setattr(fd, recursive ? 1 : 0, set, clear, UInt64(propagation)) }
    }

    /// MOUNT_ATTR_* bits set on the mount `fd` is on (fstatvfs), for nosuid, nodev,
    /// noexec and rdonly: a user namespace may not clear those it inherited locked.
    public static func currentAttributes(_ fd: Int32) -> UInt64 {
        let f = strata_fd_mount_flags(fd)
        guard f >= 0 else { return 0 }
        var out: UInt64 = 0
        // ST_RDONLY/NOSUID/NODEV/NOEXEC are 1/2/4/8, as MOUNT_ATTR_* are.
        if f & 1 != 0 { out |= attrRdonly }
        if f & 2 != 0 { out |= attrNosuid }
        if f & 4 != 0 { out |= attrNodev }
        if f & 8 != 0 { out |= attrNoexec }
        return out
    }
}
