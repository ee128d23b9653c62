#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// The bundle and rootfs checks of `create`: each failure is reported as what it is
/// (a symlink loop is ELOOP, a file where a directory belongs is ENOTDIR, a missing one
/// ENOENT), not all of them as "no such file or directory".
enum DirectoryCheck {
    static func require(_ path: String, _ operation: String) throws(StrataError) {
        var st = stat()
        if stat(path, &st) != 0 { throw StrataError.system(operation, path) }
        if (st.st_mode & S_IFMT) != S_IFDIR { throw StrataError.system(operation, path, errno: ENOTDIR) }
    }
}
