import CShim
#if canImport(Glibc)
import Glibc
#endif

/// File-descriptor helpers.
public enum Descriptors {
    /// Marks every descriptor from `first` up close-on-exec, so nothing but stdio and the
    /// preserved fds reaches the container process (fd leaks were CVE-2024-21626).
    public static func closeOnExec(from first: Int32) throws(StrataError) {
        if strata_cloexec_from(UInt32(first)) == 0 { return }
        // Kernels before 5.11 lack CLOSE_RANGE_CLOEXEC: walk /proc/self/fd instead.
        guard let names = try? Files.list("/proc/self/fd") else {
            throw StrataError.system("close_range", "fds from \(first)")
        }
        for name in names {
            if let fd = Int32(name), fd >= first { _ = strata_fcntl_int(fd, F_SETFD, FD_CLOEXEC) }
        }
    }

    public static func setCloseOnExec(_ fd: Int32, _ on: Bool) {
        _ = strata_fcntl_int(fd, F_SETFD, on ? FD_CLOEXEC : 0)
    }

    /// dup2 that retries EINTR.
    public static func duplicate(_ fd: Int32, onto target: Int32) throws(StrataError) {
        try sys("dup2", "fd \(fd) onto \(target)") { dup2(fd, target) }
    }

    /// openat2 RESOLVE_IN_ROOT | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS: inside the
    /// root, and no symlink anywhere on the way (for files the runtime must not be led
    /// away from, such as /dev/null and /dev/console).
    public static func openatInRootNoSymlinks(_ root: Int32, _ path: String, flags: Int32) -> Int32 {
        strata_openat2(root, path, UInt64(UInt32(bitPattern: flags | O_CLOEXEC)), 0, 0x10 | 0x04 | 0x02)
    }

    public static func openatResolveInRoot(_ root: Int32, _ path: String, flags: Int32, mode: UInt32 = 0) -> Int32 {
        // RESOLVE_IN_ROOT (0x10) | RESOLVE_NO_MAGICLINKS (0x02)
        strata_openat2(root, path, UInt64(UInt32(bitPattern: flags | O_CLOEXEC)), UInt64(mode), 0x10 | 0x02)
    }
}

/// O_PATH (GNU-only, hidden from Swift's Glibc): an fd that names a file without opening it.
public let O_PATH: Int32 = 0o10000000
