#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// Resolves and creates paths inside a rootfs without ever leaving it.
///
/// Every lookup uses openat2 with RESOLVE_IN_ROOT, so a symlink planted in the image
/// (`/etc -> /host/etc`, `../../..`) resolves relative to the rootfs, not the host.
struct SafePath {
    /// An O_PATH fd on the rootfs directory.
    let rootFD: Int32
    let rootPath: String

    init(root: String) throws(StrataError) {
        rootPath = root
        rootFD = try sys("open", root) { Glibc.open(root, O_PATH | O_DIRECTORY | O_CLOEXEC) }
    }

    func close() { closeFD(rootFD) }

    /// `path` relative to the rootfs ("/a/b" → "a/b").
    static func relative(_ path: String) -> String {
        let cleaned = Paths.clean(path)
        return cleaned == "/" ? "." : String(cleaned.dropFirst())
    }

    /// Opens `path` (container view) with `flags`; -1 with errno set on failure.
    func openRaw(_ path: String, flags: Int32) -> Int32 {
        Descriptors.openatResolveInRoot(rootFD, Self.relative(path), flags: flags)
    }

    /// O_PATH fd on `path`, which must exist.
    func open(_ path: String) throws(StrataError) -> Int32 {
        let fd = openRaw(path, flags: O_PATH)
        if fd < 0 { throw StrataError.system("open", rootPath + Paths.clean(path)) }
        return fd
    }

    /// mkdir -p of `path` inside the rootfs; returns an O_PATH fd on the final directory.
    /// Each prefix is resolved from the rootfs again, so absolute symlinks inside the
    /// image (`/var/run -> /run`) land where the image means them to. A dangling symlink on
    /// the way is followed inside the rootfs, as runc's securejoin does: the directories
    /// are made where the link points within the root, never outside it.
    func makeDirectories(_ path: String, mode: mode_t = 0o755) throws(StrataError) -> Int32 {
        try makeDirectories(path, mode: mode, shown: rootPath + Paths.clean(path), linksFollowed: 0)
    }

    private func makeDirectories(_ path: String, mode: mode_t, shown: String, linksFollowed: Int) throws(StrataError) -> Int32 {
        let existing = openRaw(path, flags: O_PATH | O_DIRECTORY)
        if existing >= 0 { return existing }
        let parts = Paths.clean(path).split(separator: "/").map(String.init)
        var prefix = ""
        for (index, name) in parts.enumerated() {
            let parentPrefix = prefix.isEmpty ? "." : prefix
            prefix = prefix.isEmpty ? name : prefix + "/" + name
            let probe = Descriptors.openatResolveInRoot(rootFD, prefix, flags: O_PATH | O_DIRECTORY)
            if probe >= 0 { closeFD(probe); continue }
            if currentErrno() != ENOENT { throw StrataError.system("open", shown) }
            let parent = Descriptors.openatResolveInRoot(rootFD, parentPrefix, flags: O_RDONLY | O_DIRECTORY)
            if parent < 0 { throw StrataError.system("open", shown) }
            let rc = mkdirat(parent, name, mode)
            let code = currentErrno()
            let link = rc != 0 && code == EEXIST ? Self.readLink(parent, name) : nil
            closeFD(parent)
            if let link {
                // 40 is the kernel's limit on links in one lookup (MAXSYMLINKS).
                if linksFollowed >= 40 { throw StrataError.system("mkdir", shown, errno: ELOOP) }
                let base = link.hasPrefix("/") ? link : "/" + parentPrefix + "/" + link
                let rest = parts[(index + 1)...].joined(separator: "/")
                return try makeDirectories(Paths.clean(base + "/" + rest), mode: mode, shown: shown,
                                           linksFollowed: linksFollowed + 1)
            }
            if rc != 0 && code != EEXIST { throw StrataError.system("mkdir", shown, errno: code) }
        }
        let fd = openRaw(path, flags: O_PATH | O_DIRECTORY)
        if fd < 0 { throw StrataError.system("open", shown) }
        return fd
    }

    /// The target of the symlink `name` in `dirFD`, or nil when it is not a symlink.
    private static func readLink(_ dirFD: Int32, _ name: String) -> String? {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlinkat(dirFD, name, &buf, buf.count)
        guard n > 0 else { return nil }
        return String(decoding: buf[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Creates an empty file at `path` (parents too) when nothing is there; returns an O_PATH
    /// fd on it. Used as the target of a file bind mount.
    func makeFile(_ path: String, mode: mode_t = 0o644) throws(StrataError) -> Int32 {
        let existing = openRaw(path, flags: O_PATH)
        if existing >= 0 { return existing }
        closeFD(try makeDirectories(Paths.dirname(Paths.clean(path))))
        let dirFD = openRaw(Paths.dirname(Paths.clean(path)), flags: O_RDONLY | O_DIRECTORY)
        if dirFD < 0 { throw StrataError.system("open", rootPath + Paths.dirname(path)) }
        defer { closeFD(dirFD) }
        let name = String(Paths.clean(path).split(separator: "/").last ?? "")
        let fd = openat(dirFD, name, O_CREAT | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, mode)
        if fd < 0 && currentErrno() != EEXIST { throw StrataError.system("create", rootPath + Paths.clean(path)) }
        closeFD(fd)
        return try open(path)
    }
}
