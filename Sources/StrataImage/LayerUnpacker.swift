import CArchive
import CShim
import Foundation
import StrataSystem

/// Limits on one layer: a decompression bomb or an entry flood fails the pull instead of
/// filling the disk. Defaults: 16 GiB of uncompressed tar and a million entries per layer;
/// STRATA_MAX_LAYER_BYTES overrides the byte cap.
public struct UnpackLimits: Sendable {
    public var maxBytes: Int64
    public var maxEntries: Int

    public init(maxBytes: Int64 = 16 << 30, maxEntries: Int = 1_000_000) {
        self.maxBytes = maxBytes; self.maxEntries = maxEntries
    }

    public static func fromEnvironment() -> UnpackLimits {
        var l = UnpackLimits()
        if let s = ProcessInfo.processInfo.environment["STRATA_MAX_LAYER_BYTES"], let n = Int64(s), n > 0 { l.maxBytes = n }
        return l
    }
}

/// Extracts one layer tarball (gzip, zstd or plain; libarchive detects which) into its own
/// directory, in the form overlayfs reads as a lower layer: a whiteout `.wh.NAME` becomes a
/// 0:0 character device NAME, an opaque marker `.wh..wh..opq` the `trusted.overlay.opaque=y`
/// xattr of its directory (`user.overlay.opaque` when not root).
///
/// libarchive only reads the archive; every file is created by us, relative to a descriptor of
/// the layer directory: each parent is opened with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS),
/// so no entry escapes with `..`, an absolute path, or a symlink an earlier entry planted.
/// The uncompressed stream is hashed on the way: the caller compares it with the config's diff_id.
final class LayerUnpacker {
    private let root: Int32
    private let rootPath: String
    private let what: String
    private let source: DecompressedSource
    private let limits: UnpackLimits
    private let asRoot = geteuid() == 0
    /// Directories get their mode, owner, xattrs and times last (deepest first): writing their
    /// children would change the mtime, and a read-only mode would block those writes.
    private var directories: [(path: String, meta: EntryMeta)] = []
    private var entries = 0

    struct Result {
        var diffID: Digest
        var bytes: Int64
    }

    /// Unpacks `blob` into the existing, empty directory `dir`.
    static func unpack(blob: String, into dir: String, what: String, limits: UnpackLimits) throws(StrataError) -> Result {
        let source = try DecompressedSource(path: blob, what: what, cap: limits.maxBytes)
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { throw StrataError.system("open", dir) }
        defer { close(fd) }
        let u = LayerUnpacker(root: fd, rootPath: dir, what: what, source: source, limits: limits)
        try u.run()
        return Result(diffID: source.hasher.finish(), bytes: source.hasher.count)
    }

    private init(root: Int32, rootPath: String, what: String, source: DecompressedSource, limits: UnpackLimits) {
        self.root = root; self.rootPath = rootPath; self.what = what; self.source = source; self.limits = limits
    }

    private func fail(_ path: String, _ reason: String, errno: Int32 = 0) -> StrataError {
        StrataError("unpack layer", "\(what): \(path)", errno: errno, reason: reason)
    }

    private func run() throws(StrataError) {
        guard let tar = archive_read_new() else { throw StrataError("unpack layer", what, reason: "archive_read_new failed") }
        defer { archive_read_free(tar) }
        archive_read_support_format_tar(tar)
        let client = Unmanaged.passUnretained(source).toOpaque()
        let read: @convention(c) (OpaquePointer?, UnsafeMutableRawPointer?, UnsafeMutablePointer<UnsafeRawPointer?>?) -> la_ssize_t = { _, data, out in
            Unmanaged<DecompressedSource>.fromOpaque(data!).takeUnretainedValue().next(out)
        }
        guard archive_read_open(tar, client, nil, read, nil) == ARCHIVE_OK else {
            throw source.error ?? StrataError("unpack layer", what, reason: "not a tar archive: \(LayerUnpacker.message(tar))")
        }
        var entry: OpaquePointer?
        while true {
            let r = archive_read_next_header(tar, &entry)
            if r == ARCHIVE_EOF { break }
            if let e = source.error { throw e }
            guard r >= ARCHIVE_WARN, let entry else {
                throw StrataError("unpack layer", what, reason: "bad tar stream: \(LayerUnpacker.message(tar))")
            }
            entries += 1
            if entries > limits.maxEntries {
                throw StrataError("unpack layer", what, reason: "more than \(limits.maxEntries) entries (limit)")
            }
            try extract(entry, tar)
        }
        try source.drain()
        for (path, meta) in directories.sorted(by: { $0.path.count > $1.path.count }) {
            try finishDirectory(path, meta)
        }
    }

    static func message(_ a: OpaquePointer?) -> String {
        archive_error_string(a).map { String(cString: $0) } ?? "unknown libarchive error"
    }

    // MARK: entries

    struct EntryMeta {
        var mode: mode_t
        var uid: uid_t
        var gid: gid_t
        var times: [timespec]
        var xattrs: [(String, [UInt8])]
    }

    private func meta(_ e: OpaquePointer) -> EntryMeta {
        let mtime = timespec(tv_sec: archive_entry_mtime(e), tv_nsec: archive_entry_mtime_nsec(e))
        let atime = archive_entry_atime_is_set(e) != 0
            ? timespec(tv_sec: archive_entry_atime(e), tv_nsec: archive_entry_atime_nsec(e)) : mtime
        var xattrs: [(String, [UInt8])] = []
        if archive_entry_xattr_reset(e) > 0 {
            var name: UnsafePointer<CChar>?
            var value: UnsafeRawPointer?
            var size = 0
            while archive_entry_xattr_next(e, &name, &value, &size) == ARCHIVE_OK {
                guard let name else { continue }
                let n = String(cString: name)
                // A layer may not forge overlayfs's own metadata (opaque, redirect, metacopy).
                if n.hasPrefix("trusted.overlay.") || n.hasPrefix("user.overlay.") { continue }
                let bytes = value.map { Array(UnsafeRawBufferPointer(start: $0, count: size)) } ?? []
                xattrs.append((n, bytes))
            }
        }
        return EntryMeta(mode: mode_t(archive_entry_perm(e)) & 0o7777,
                         uid: uid_t(truncatingIfNeeded: archive_entry_uid(e)),
                         gid: gid_t(truncatingIfNeeded: archive_entry_gid(e)),
                         times: [atime, mtime], xattrs: xattrs)
    }

    /// The entry's path as components; `..` anywhere is refused, `.` and empty ones dropped.
    private func components(_ raw: String) throws(StrataError) -> [String] {
        var out: [String] = []
        for c in raw.split(separator: "/", omittingEmptySubsequences: true) {
            if c == "." { continue }
            if c == ".." { throw fail(raw, "path with \"..\" refused (it would leave the layer)") }
            out.append(String(c))
        }
        return out
    }

    private func extract(_ e: OpaquePointer, _ tar: OpaquePointer) throws(StrataError) {
        guard let rawPath = archive_entry_pathname(e).map({ String(cString: $0) }) else {
            throw StrataError("unpack layer", what, reason: "entry without a path name")
        }
        let comps = try components(rawPath)
        guard let name = comps.last else { return }   // the layer root itself: "./"
        let parentComps = Array(comps.dropLast())
        let path = comps.joined(separator: "/")

        if name.hasPrefix(".wh.") {
            try whiteout(String(name.dropFirst(4)), parentComps, rawPath)
            return
        }
        let parent = try openParent(parentComps, for: rawPath, create: true)
        defer { close(parent) }
        let m = meta(e)
        let type = archive_entry_filetype(e)

        if let link = archive_entry_hardlink(e).map({ String(cString: $0) }) {
            let target = try components(link)
            guard let tname = target.last else { throw fail(rawPath, "hard link to the layer root") }
            try removeExisting(parent, name, path, keepDirectory: false)
            let tparent = try openParent(Array(target.dropLast()), for: rawPath, create: false)
            defer { close(tparent) }
            guard linkat(tparent, tname, parent, name, 0) == 0 else {
                throw fail(rawPath, "hard link to \(link)", errno: errno)
            }
            // The link's own header metadata lands on the shared inode, as Docker and Podman
            // apply it (equal to the target's in tars written from a real file system).
            var st = stat()
            guard fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { throw fail(rawPath, "stat", errno: errno) }
            try applyMeta(parent: parent, name: name, m, path: rawPath, symlink: (st.st_mode & S_IFMT) == S_IFLNK)
            return
        }

        switch type {
        case FileType.directory:
            try removeExisting(parent, name, path, keepDirectory: true)
            if mkdirat(parent, name, 0o700) != 0 && errno != EEXIST {
                throw fail(rawPath, "mkdir", errno: errno)
            }
            directories.append((path, m))
        case FileType.regular:
            try removeExisting(parent, name, path, keepDirectory: false)
            let fd = openat(parent, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw fail(rawPath, "create", errno: errno) }
            defer { close(fd) }
            try copyData(tar, to: fd, path: rawPath)
            if archive_entry_size_is_set(e) != 0 && ftruncate(fd, off_t(archive_entry_size(e))) != 0 {
                throw fail(rawPath, "truncate", errno: errno)
            }
            try applyMeta(fd: fd, m, path: rawPath)
        case FileType.symlink:
            try removeExisting(parent, name, path, keepDirectory: false)
            let target = archive_entry_symlink(e).map { String(cString: $0) } ?? ""
            guard symlinkat(target, parent, name) == 0 else { throw fail(rawPath, "symlink", errno: errno) }
            try applyMeta(parent: parent, name: name, m, path: rawPath, symlink: true)
        case FileType.character, FileType.block, FileType.fifo:
            try removeExisting(parent, name, path, keepDirectory: false)
            let dev = type == FileType.fifo ? 0 : strata_makedev(UInt32(archive_entry_rdevmajor(e)), UInt32(archive_entry_rdevminor(e)))
            guard mknodat(parent, name, mode_t(type) | m.mode, dev) == 0 else {
                throw fail(rawPath, type == FileType.fifo ? "mkfifo" : "mknod", errno: errno)
            }
            try applyMeta(parent: parent, name: name, m, path: rawPath, symlink: false)
        case FileType.socket:
            return   // sockets are not content
        default:
            throw fail(rawPath, "unknown entry type \(String(type, radix: 8))")
        }
    }

    /// `.wh.NAME` hides NAME of the layers below; `.wh..wh..opq` hides all of its directory's.
    private func whiteout(_ hidden: String, _ parentComps: [String], _ rawPath: String) throws(StrataError) {
        if hidden == ".wh..opq" {
            let dir = try openParent(parentComps, for: rawPath, create: true)
            defer { close(dir) }
            // fsetxattr needs a real descriptor, not O_PATH: reopen the directory through it.
            let real = openat(dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard real >= 0 else { throw fail(rawPath, "open opaque directory", errno: errno) }
            defer { close(real) }
            let key = asRoot ? "trusted.overlay.opaque" : "user.overlay.opaque"
            guard fsetxattr(real, key, "y", 1, 0) == 0 else { throw fail(rawPath, "set \(key)", errno: errno) }
            return
        }
        if hidden.hasPrefix(".wh.") { return }   // aufs bookkeeping (.wh..wh.plnk, .wh..wh.aufs)
        guard !hidden.isEmpty, hidden != ".", hidden != ".." else {
            throw fail(rawPath, "whiteout of \"\(hidden)\" refused")
        }
        let parent = try openParent(parentComps, for: rawPath, create: true)
        defer { close(parent) }
        try removeExisting(parent, hidden, (parentComps + [hidden]).joined(separator: "/"), keepDirectory: false)
        guard mknodat(parent, hidden, FileType.character, strata_makedev(0, 0)) == 0 else {
            throw fail(rawPath, "create whiteout device (needs CAP_MKNOD)", errno: errno)
        }
    }

    /// An O_PATH descriptor of the directory `comps` beneath the layer root, never through a
    /// symlink; missing directories are created 0755 when `create` (a tar may omit them).
    private func openParent(_ comps: [String], for rawPath: String, create: Bool) throws(StrataError) -> Int32 {
        let resolve: UInt64 = 0x08 | 0x04 | 0x02   // RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS
        let flags = UInt64(UInt32(bitPattern: O_PATH | O_DIRECTORY | O_CLOEXEC))
        if comps.isEmpty { return dup(root) }
        let joined = comps.joined(separator: "/")
        let fd = strata_openat2(root, joined, flags, 0, resolve)
        if fd >= 0 { return fd }
        let code = errno
        if code == ELOOP || code == EXDEV {
            throw fail(rawPath, "its parent \(joined) is or passes through a symlink: refusing to write through it")
        }
        if code == ENOTDIR { throw fail(rawPath, "a parent in \(joined) is not a directory") }
        guard code == ENOENT, create else { throw fail(rawPath, "open parent \(joined)", errno: code) }
        var cur = dup(root)
        for c in comps {
            if mkdirat(cur, c, 0o755) != 0 && errno != EEXIST {
                let e = errno
                close(cur)
                throw fail(rawPath, "mkdir \(c)", errno: e)
            }
            let next = strata_openat2(cur, c, flags, 0, resolve)
            let e = errno
            close(cur)
            guard next >= 0 else {
                throw fail(rawPath, e == ELOOP ? "its parent \(joined) passes through a symlink: refusing to write through it"
                                               : "open parent \(joined)", errno: e == ELOOP ? 0 : e)
            }
            cur = next
        }
        return cur
    }

    /// A later entry replaces an earlier one of the same name; an existing directory stays
    /// when the new entry is a directory too.
    private func removeExisting(_ parent: Int32, _ name: String, _ path: String, keepDirectory: Bool) throws(StrataError) {
        var st = stat()
        guard fstatat(parent, name, &st, AT_SYMLINK_NOFOLLOW) == 0 else { return }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            if keepDirectory { return }
            try Files.removeTree(rootPath + "/" + path)   // parents verified above: no symlink in the way
        } else if unlinkat(parent, name, 0) != 0 {
            throw fail(path, "replace", errno: errno)
        }
    }

    private func copyData(_ tar: OpaquePointer, to fd: Int32, path: String) throws(StrataError) {
        var buffer: UnsafeRawPointer?
        var size = 0
        var offset: la_int64_t = 0
        while true {
            let r = archive_read_data_block(tar, &buffer, &size, &offset)
            if r == ARCHIVE_EOF { return }
            if let e = source.error { throw e }
            guard r >= ARCHIVE_WARN else { throw fail(path, "read data: \(LayerUnpacker.message(tar))") }
            var done = 0
            while done < size {
                let n = pwrite(fd, buffer! + done, size - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    throw fail(path, "write", errno: errno)
                }
                done += n
            }
        }
    }

    /// Owner, then mode (chown clears set-id bits), then xattrs (chown clears file capabilities), then times.
    private func applyMeta(fd: Int32, _ m: EntryMeta, path: String) throws(StrataError) {
        if asRoot && fchown(fd, m.uid, m.gid) != 0 { throw fail(path, "chown \(m.uid):\(m.gid)", errno: errno) }
        if fchmod(fd, m.mode) != 0 { throw fail(path, "chmod", errno: errno) }
        for (name, value) in m.xattrs {
            let r = value.withUnsafeBytes { fsetxattr(fd, name, $0.baseAddress, $0.count, 0) }
            if r != 0 { throw fail(path, "set xattr \(name)", errno: errno) }
        }
        let r = m.times.withUnsafeBufferPointer { futimens(fd, $0.baseAddress) }
        if r != 0 { throw fail(path, "set times", errno: errno) }
    }

    /// The same for entries that cannot be opened for writing (symlinks, devices, FIFOs).
    private func applyMeta(parent: Int32, name: String, _ m: EntryMeta, path: String, symlink: Bool) throws(StrataError) {
        if asRoot && fchownat(parent, name, m.uid, m.gid, AT_SYMLINK_NOFOLLOW) != 0 {
            throw fail(path, "chown \(m.uid):\(m.gid)", errno: errno)
        }
        if !symlink && fchmodat(parent, name, m.mode, 0) != 0 { throw fail(path, "chmod", errno: errno) }
        // Our own descriptor's /proc entry names the node without resolving anything the layer made.
        let node = "/proc/self/fd/\(parent)/\(name)"
        for (xname, value) in m.xattrs {
            let r = value.withUnsafeBytes { lsetxattr(node, xname, $0.baseAddress, $0.count, 0) }
            if r != 0 && !(symlink && errno == EPERM) { throw fail(path, "set xattr \(xname)", errno: errno) }
        }
        let r = m.times.withUnsafeBufferPointer { utimensat(parent, name, $0.baseAddress, AT_SYMLINK_NOFOLLOW) }
        if r != 0 { throw fail(path, "set times", errno: errno) }
    }

    private func finishDirectory(_ path: String, _ m: EntryMeta) throws(StrataError) {
        let flags = UInt64(UInt32(bitPattern: O_RDONLY | O_DIRECTORY | O_CLOEXEC))
        let fd = strata_openat2(root, path, flags, 0, 0x08 | 0x04 | 0x02)
        guard fd >= 0 else { throw fail(path, "open directory", errno: errno) }
        defer { close(fd) }
        try applyMeta(fd: fd, m, path: path)
    }
}

/// The layer blob decompressed by libarchive's filters (gzip, zstd, xz, or none) through its
/// "raw" format, handed on to the tar reader, hashed and counted on the way.
final class DecompressedSource {
    private let archive: OpaquePointer
    private let buffer: UnsafeMutableRawPointer
    private let bufferSize = 1 << 20
    private let cap: Int64
    private let what: String
    var hasher = DigestHasher()
    /// An error met inside a callback, reported by the reader loop.
    var error: StrataError?

    init(path: String, what: String, cap: Int64) throws(StrataError) {
        guard let a = archive_read_new() else { throw StrataError("unpack layer", what, reason: "archive_read_new failed") }
        // The layer media types OCI defines: gzip, zstd or none. Naming them (not
        // filter_all) also keeps the static strata to libarchive, libzstd and zlib: the
        // other filters would pull in bzip2, lz4, xz and libxml2.
        archive_read_support_filter_gzip(a)
        archive_read_support_filter_zstd(a)
        archive_read_support_filter_none(a)
        archive_read_support_format_raw(a)
        guard archive_read_open_filename(a, path, 1 << 20) == ARCHIVE_OK else {
            let m = LayerUnpacker.message(a)
            archive_read_free(a)
            throw StrataError("open layer", what, reason: m)
        }
        var entry: OpaquePointer?
        guard archive_read_next_header(a, &entry) == ARCHIVE_OK else {
            let m = LayerUnpacker.message(a)
            archive_read_free(a)
            throw StrataError("open layer", what, reason: "not a tar, gzip or zstd stream: \(m)")
        }
        archive = a
        buffer = UnsafeMutableRawPointer.allocate(byteCount: bufferSize, alignment: 16)
        self.cap = cap
        self.what = what
    }

    deinit {
        archive_read_free(archive)
        buffer.deallocate()
    }

    /// The next decompressed chunk (0 at the end, -1 on an error kept in `error`).
    func next(_ out: UnsafeMutablePointer<UnsafeRawPointer?>?) -> la_ssize_t {
        if error != nil { return -1 }
        let n = archive_read_data(archive, buffer, bufferSize)
        if n < 0 {
            error = StrataError("decompress layer", what, reason: LayerUnpacker.message(archive))
            return -1
        }
        hasher.update(UnsafeRawBufferPointer(start: buffer, count: n))
        if hasher.count > cap {
            error = StrataError("unpack layer", what,
                                reason: "uncompressed size exceeds the \(cap)-byte cap (decompression bomb?); raise STRATA_MAX_LAYER_BYTES if it is genuine")
            return -1
        }
        out?.pointee = UnsafeRawPointer(buffer)
        return n
    }

    /// Reads what the tar reader left (the zero blocks after its end marker) so the digest covers the whole stream.
    func drain() throws(StrataError) {
        var sink: UnsafeRawPointer?
        while true {
            let n = next(&sink)
            if n == 0 { return }
            if n < 0 { throw error ?? StrataError("decompress layer", what) }
        }
    }
}

/// The S_IF* file types (libarchive's AE_IF* values are the same): named here because the
/// Glibc and libarchive imports both declare them.
enum FileType {
    static let directory: UInt32 = 0o040000
    static let regular: UInt32 = 0o100000
    static let symlink: UInt32 = 0o120000
    static let character: UInt32 = 0o020000
    static let block: UInt32 = 0o060000
    static let fifo: UInt32 = 0o010000
    static let socket: UInt32 = 0o140000
}
