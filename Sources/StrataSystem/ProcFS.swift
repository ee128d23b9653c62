import CShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// A procfs instance verified to be the kernel's, through which the runtime makes every
/// write under /proc (sysctls, LSM attributes, id maps, setgroups, oom_score_adj, time
/// offsets).
///
/// A path such as `/proc/sys/net/ipv4/ip_forward` is only as trustworthy as the mounts
/// on the way: a config or a racing container can cover it with a bind mount of another
/// file, and the write lands there (CVE-2019-16884, CVE-2025-52881). So, as runc and crun
/// do, the handle is a procfs of our own where the kernel allows one: a new instance
/// (fsopen), else a clone of the top /proc mount without its submounts (open_tree),
/// else /proc itself. Each file is then opened beneath it without following symlinks and
/// without crossing a mount, and checked to be on procfs before anything is written.
///
/// The instance shows the pid namespace of the process that made it: the init makes its
/// own inside the container, the parent one on the host side.
public final class ProcFS {
    /// Where the handle came from, for messages.
    public enum Origin: String, Sendable {
        case fresh = "new procfs instance"
        case clone = "clone of /proc"
        case mounted = "/proc"
    }

    /// PROC_SUPER_MAGIC, statfs f_type of procfs.
    public static let superMagic: Int64 = 0x9fa0
    /// openat2 RESOLVE_NO_XDEV | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_SYMLINKS | RESOLVE_BENEATH.
    static let strictResolve: UInt64 = 0x01 | 0x02 | 0x04 | 0x08

    /// An O_PATH descriptor on the root of the procfs.
    public let fd: Int32
    public let origin: Origin

    private init(verifying fd: Int32, origin: Origin) throws(StrataError) {
        var st = stat()
        guard strata_fd_fs_magic(fd) == Self.superMagic, fstat(fd, &st) == 0, st.st_ino == 1 /* PROC_ROOT_INO */ else {
            Glibc.close(fd)
            throw StrataError("open procfs", origin.rawValue, reason: "not the root of a procfs")
        }
        self.fd = fd
        self.origin = origin
    }

    deinit { Glibc.close(fd) }

    /// A verified procfs handle: new instance, clone or /proc, the first the kernel allows
    /// (a new instance needs CAP_SYS_ADMIN over the pid namespace and, in a user namespace,
    /// an unmasked /proc already mounted; open_tree needs CAP_SYS_ADMIN over the mount
    /// namespace).
    public static func open() throws(StrataError) -> ProcFS {
        let context = strata_fsopen("proc")
        if context >= 0 {
            defer { Glibc.close(context) }
            if strata_fsconfig_create(context) == 0 {
                let mount = strata_fsmount(context, UInt32(Mounts.attrNosuid | Mounts.attrNodev | Mounts.attrNoexec))
                if mount >= 0 { return try ProcFS(verifying: mount, origin: .fresh) }
            }
        }
        let clone = strata_open_tree(AT_FDCWD, "/proc", 1 /* OPEN_TREE_CLONE */)
        if clone >= 0 { return try ProcFS(verifying: clone, origin: .clone) }
        let plain = Glibc.open("/proc", O_PATH | O_DIRECTORY | O_CLOEXEC)
        if plain < 0 { throw StrataError.system("open procfs", "/proc") }
        return try ProcFS(verifying: plain, origin: .mounted)
    }

    /// Opens `path`, relative to the procfs root (`sys/net/ipv4/ip_forward`,
    /// `thread-self/attr/exec`, `1234/uid_map`). A leading `self` or `thread-self` is
    /// expanded by reading that link of this instance; after it no symlink is followed,
    /// no mount is crossed and nothing outside the root is reached, and the file opened
    /// must be on procfs. Errors name `/proc/<path>`.
    public func open(_ path: String, flags: Int32) throws(StrataError) -> Int32 {
        let shown = "/proc/" + path
        let resolved = try expandingSelf(path, shown: shown)
        let file = strata_openat2(fd, resolved, UInt64(UInt32(bitPattern: flags | O_CLOEXEC | O_NOCTTY)), 0, Self.strictResolve)
        if file < 0 {
            let code = currentErrno()
            switch code {
            case EXDEV: throw StrataError("open", shown, errno: code, reason: "another file is mounted over it")
            case ELOOP: throw StrataError("open", shown, errno: code, reason: "a symlink is on the way")
            default: throw StrataError("open", shown, errno: code)
            }
        }
        guard strata_fd_fs_magic(file) == Self.superMagic else {
            Glibc.close(file)
            throw StrataError("open", shown, reason: "not on procfs")
        }
        return file
    }

    /// Writes `text` into the procfs file `path` (see `open`) in one write(2), as the
    /// kernel wants for control files. The error names the file and the value.
    public func write(_ path: String, _ text: String) throws(StrataError) {
        let file = try open(path, flags: O_WRONLY)
        defer { Glibc.close(file) }
        let bytes = Array(text.utf8)
        let n = bytes.withUnsafeBytes { Glibc.write(file, $0.baseAddress, $0.count) }
        let code = currentErrno()
        if n < 0 || n != bytes.count {
            throw StrataError("write", "/proc/\(path) \"\(text)\"", errno: n < 0 ? code : 0,
                              reason: n < 0 ? nil : "short write (\(n) of \(bytes.count) bytes)")
        }
    }

    /// `self` and `thread-self` are symlinks (to `PID` and `PID/task/TID` in this
    /// instance's pid namespace): read them here, since the open follows none.
    private func expandingSelf(_ path: String, shown: String) throws(StrataError) -> String {
        guard let first = path.split(separator: "/", maxSplits: 1).first,
              first == "self" || first == "thread-self" else { return path }
        var buf = [CChar](repeating: 0, count: 64)
        let n = readlinkat(fd, String(first), &buf, buf.count)
        if n <= 0 { throw StrataError.system("readlink", "/proc/" + first + " (for \(shown))") }
        let target = String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return target + path.dropFirst(first.count)
    }
}
