import CShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// File operations relative to an open directory descriptor: once a directory is open
/// (and locked), its files are reached through that descriptor, so a directory deleted
/// and made anew under the same name meanwhile is never touched by mistake.
///
/// `display` is the directory's path, used only in error messages.
public enum DirectoryFiles {
    /// Reads the whole file `name` in directory `dir`, not following a symlink, and only
    /// if it is a regular file of at most `limit` bytes (a FIFO planted there must not
    /// block the reader).
    public static func read(_ dir: Int32, _ name: String, display: String,
                            limit: Int = Files.regularFileLimit) throws(StrataError) -> [UInt8] {
        let path = display + "/" + name
        let fd = try sys("open", path) { openat(dir, name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY) }
        defer { close(fd) }
        var info = stat()
        if fstat(fd, &info) != 0 { throw StrataError.system("fstat", path) }
        try Files.requireRegular(info, path: path, limit: limit)
        return try Files.readAll(fd: fd, name: path, limit: limit)
    }

    /// Writes `bytes` to `name` in `dir` through a temporary file in the same directory
    /// and renameat(2): a reader sees the old or the new content, never a partial one.
    ///
    /// No fsync: the state this holds describes processes and cgroups, which a power loss
    /// or reboot takes away too; a killed writer loses nothing the page cache holds.
    public static func writeAtomically(_ dir: Int32, _ name: String, _ bytes: some Collection<UInt8>,
                                       mode: mode_t, display: String) throws(StrataError) {
        let temp = name + ".tmp"
        let tempPath = display + "/" + temp
        let fd = try sys("open", tempPath) { openat(dir, temp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, mode) }
        do {
            try Files.writeAll(fd: fd, bytes, name: tempPath)
        } catch {
            close(fd)
            unlinkat(dir, temp, 0)
            throw error
        }
        close(fd)
        if renameat(dir, temp, dir, name) != 0 {
            let code = currentErrno()
            unlinkat(dir, temp, 0)
            throw StrataError.system("rename", display + "/" + name, errno: code)
        }
    }

    /// True while `fd` is still the directory entry `name` of `parent` (same device and
    /// inode): false once it was removed or renamed away and perhaps replaced.
    public static func isLinked(_ fd: Int32, as name: String, in parent: String) -> Bool {
        var mine = stat()
        var named = stat()
        guard fstat(fd, &mine) == 0, mine.st_nlink > 0 else { return false }
        guard fstatat(AT_FDCWD, parent + "/" + name, &named, AT_SYMLINK_NOFOLLOW) == 0 else { return false }
        return mine.st_dev == named.st_dev && mine.st_ino == named.st_ino
    }

    /// renameat2 with RENAME_NOREPLACE: an existing `to` makes it fail with EEXIST.
    public static func renameNoReplace(_ from: String, to: String) -> Int32 {
        strata_renameat_noreplace(AT_FDCWD, from, AT_FDCWD, to) == 0 ? 0 : currentErrno()
    }
}

extension Files {
    /// The largest config file `readRegular` accepts by default.
    public static let regularFileLimit = 64 << 20

    /// Reads `path` (following symlinks) only if it is a regular file of at most `limit`
    /// bytes: a device such as /dev/zero would never end, a FIFO would block forever.
    /// The type is checked before the open, so that opening has no device side effect,
    /// and again on the opened descriptor, so that a file swapped in between is refused.
    public static func readRegular(_ path: String, limit: Int = regularFileLimit) throws(StrataError) -> [UInt8] {
        var before = stat()
        if stat(path, &before) != 0 { throw StrataError.system("open", path) }
        try requireRegular(before, path: path, limit: limit)
        let fd = try sys("open", path) { open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY) }
        defer { close(fd) }
        var opened = stat()
        if fstat(fd, &opened) != 0 { throw StrataError.system("fstat", path) }
        try requireRegular(opened, path: path, limit: limit)
        return try readAll(fd: fd, name: path, limit: limit)
    }

    static func requireRegular(_ info: stat, path: String, limit: Int) throws(StrataError) {
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            throw StrataError("read", path, reason: "not a regular file (\(typeName(type)))")
        }
        if Int(info.st_size) > limit {
            throw StrataError("read", path, reason: "\(info.st_size) bytes is larger than \(limit >> 20) MiB")
        }
    }

    /// A file type for messages: "directory", "fifo", "character device", ...
    public static func typeName(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "directory"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFIFO: return "fifo"
        case S_IFSOCK: return "socket"
        case S_IFLNK: return "symlink"
        case S_IFREG: return "regular file"
        default: return "unknown type"
        }
    }
}
