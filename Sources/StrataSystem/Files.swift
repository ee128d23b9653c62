import CShim
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Whole-file reads and writes with plain system calls (no Foundation on the hot path).
public enum Files {
    /// Reads the whole file at `path`.
    public static func read(_ path: String) throws(StrataError) -> [UInt8] {
        let fd = try sys("open", path) { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        return try readAll(fd: fd, name: path)
    }

    /// Reads the whole file as UTF-8 text.
    public static func readText(_ path: String) throws(StrataError) -> String {
        String(decoding: try read(path), as: UTF8.self)
    }

    /// Reads `fd` to end of file; more than `limit` bytes is an error naming `name`.
    public static func readAll(fd: Int32, name: String, limit: Int = .max) throws(StrataError) -> [UInt8] {
        // Sized by fstat so that a regular file takes one read into one buffer, with no
        // zero-filled chunk to copy from. The size is only a hint (files in /proc say 0, a
        // file may grow): reading goes on to end of file either way.
        var info = stat()
        let chunkSize = fstat(fd, &info) == 0 && info.st_size > 0 ? Int(info.st_size) + 1 : 16384
        var out: [UInt8] = []
        while true {
            var failure: Int32 = 0
            let chunk = [UInt8](unsafeUninitializedCapacity: chunkSize) { buffer, initialized in
                while true {
                    let n = Glibc.read(fd, buffer.baseAddress, buffer.count)
                    if n < 0 && currentErrno() == EINTR { continue }
                    if n < 0 { failure = currentErrno() } else { initialized = n }
                    return
                }
            }
            if failure != 0 { throw StrataError.system("read", name, errno: failure) }
            if chunk.isEmpty { return out }
            if out.isEmpty { out = chunk } else { out += chunk }
            // A file that grows while it is read is held to the cap too.
            if out.count > limit { throw StrataError("read", name, reason: "larger than \(limit) bytes") }
            // A short read is nearly always the end: confirm it with one byte rather than
            // another whole (fresh, page-faulting) chunk.
            if chunk.count < chunkSize {
                var probe: UInt8 = 0
                var n: Int
                repeat { n = Glibc.read(fd, &probe, 1) } while n < 0 && currentErrno() == EINTR
                if n < 0 { throw StrataError.system("read", name) }
                if n == 0 { return out }
                out.append(probe)
                if out.count > limit { throw StrataError("read", name, reason: "larger than \(limit) bytes") }
            }
        }
    }

    /// Writes all of `bytes` to `fd`, looping over short writes.
    public static func writeAll(fd: Int32, _ bytes: some Collection<UInt8>, name: String) throws(StrataError) {
        let array = Array(bytes)
        var offset = 0
        while offset < array.count {
            let n = array.withUnsafeBytes { buf in
                Glibc.write(fd, buf.baseAddress.map { $0 + offset }, buf.count - offset)
            }
            if n < 0 {
                if currentErrno() == EINTR { continue }
                throw StrataError.system("write", name)
            }
            offset += n
        }
    }

    /// Writes `text` into an existing file such as a /proc or cgroup control file.
    /// The error names the file and the value, because the kernel's EINVAL alone says nothing.
    public static func writeControl(_ path: String, _ text: String) throws(StrataError) {
        let fd = try sys("open", path) { open(path, O_WRONLY | O_CLOEXEC) }
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let n = bytes.withUnsafeBytes { buf in Glibc.write(fd, buf.baseAddress, buf.count) }
        if n < 0 {
            throw StrataError("write", "\(path) \"\(text)\"", errno: currentErrno())
        }
    }

    /// Creates or truncates `path` and writes `bytes`.
    public static func write(_ path: String, _ bytes: some Collection<UInt8>, mode: mode_t = 0o644) throws(StrataError) {
        let fd = try sys("open", path) { open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode) }
        defer { close(fd) }
        try writeAll(fd: fd, bytes, name: path)
    }

    /// Writes through a temporary file and rename(2), so readers see the old or the new
    /// content, never a partial one.
    public static func writeAtomically(_ path: String, _ bytes: some Collection<UInt8>, mode: mode_t = 0o644) throws(StrataError) {
        let temp = path + ".tmp"
        try write(temp, bytes, mode: mode)
        if rename(temp, path) != 0 {
            let code = currentErrno()
            unlink(temp)
            throw StrataError.system("rename", path, errno: code)
        }
    }

    /// The filesystem type magic (statfs f_type) at `path`, or nil.
    public static func filesystemMagic(_ path: String) -> Int64? {
        let magic = strata_fs_magic(path)
        return magic < 0 ? nil : Int64(magic)
    }

    /// True when something exists at `path` (symlinks are not followed).
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return lstat(path, &st) == 0
    }

    /// True when `path` is a directory (following symlinks).
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// mkdir -p. Existing directories are fine.
    public static func makeDirectories(_ path: String, mode: mode_t = 0o755) throws(StrataError) {
        if mkdir(path, mode) == 0 { return }
        let code = currentErrno()
        if code == EEXIST { return }
        guard code == ENOENT else { throw StrataError.system("mkdir", path, errno: code) }
        let parent = Paths.dirname(path)
        if parent != path && !parent.isEmpty {
            try makeDirectories(parent, mode: mode)
        }
        if mkdir(path, mode) != 0 && currentErrno() != EEXIST {
            throw StrataError.system("mkdir", path)
        }
    }

    /// rm -rf without following symlinks; used for state directories only.
    public static func removeTree(_ path: String) throws(StrataError) {
        var st = stat()
        if lstat(path, &st) != 0 {
            if currentErrno() == ENOENT { return }
            throw StrataError.system("lstat", path)
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            for name in (try? list(path)) ?? [] { try removeTree(path + "/" + name) }
            if rmdir(path) != 0 && currentErrno() != ENOENT { throw StrataError.system("rmdir", path) }
        } else if unlink(path) != 0 && currentErrno() != ENOENT {
            throw StrataError.system("unlink", path)
        }
    }

    /// Names in a directory, without "." and "..".
    public static func list(_ path: String) throws(StrataError) -> [String] {
        guard let dir = opendir(path) else { throw StrataError.system("opendir", path) }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }
}

/// Path string helpers that do not touch the filesystem.
public enum Paths {
    /// Absolute, no "//", no "." or ".." component, no trailing slash: `clean` would
    /// return it unchanged. Checked on bytes, since most paths are already clean.
    static func isClean(_ path: String) -> Bool {
        var previous: UInt8 = 0
        var dots = 0
        var first = true
        for byte in path.utf8 {
            if first {
                if byte != UInt8(ascii: "/") { return false }
                first = false
            } else if byte == UInt8(ascii: "/") {
                if previous == UInt8(ascii: "/") || (dots > 0 && dots < 3 && previous == UInt8(ascii: ".")) { return false }
                dots = 0
            } else if byte == UInt8(ascii: ".") && (previous == UInt8(ascii: "/") || dots > 0) {
                dots += 1
            } else {
                dots = 3
            }
            previous = byte
        }
        if first { return false }
        if path.utf8.count > 1 && previous == UInt8(ascii: "/") { return false }
        if dots > 0 && dots < 3 { return false }
        return true
    }

    /// The directory part of `path` ("/" for top-level entries, "." for bare names).
    public static func dirname(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        var head = trimmed[..<slash]
        while head.hasSuffix("/") { head = head.dropLast() }
        return head.isEmpty ? "/" : String(head)
    }

    /// Joins `base` and a relative or absolute `child` with exactly one slash between them.
    public static func join(_ base: String, _ child: String) -> String {
        if child.isEmpty { return base }
        if base.hasSuffix("/") { return base + (child.hasPrefix("/") ? String(child.dropFirst()) : child) }
        return base + (child.hasPrefix("/") ? child : "/" + child)
    }

    /// Makes `path` absolute against the current directory and removes "." and ".." lexically.
    public static func absolute(_ path: String) -> String {
        var full = path
        if !path.hasPrefix("/") {
            var buf = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            if getcwd(&buf, buf.count) != nil {
                let cwd = String(decoding: buf.prefix(while: { $0 != 0 }).map { UInt8(bitPattern: $0) }, as: UTF8.self)
                full = cwd + "/" + path
            }
        }
        return clean(full)
    }

    /// Lexical cleanup like Go's filepath.Clean for absolute paths.
    public static func clean(_ path: String) -> String {
        if isClean(path) { return path }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
