import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Reads and writes of cgroup control files with the fewest system calls: open, one
/// read or write, close. No stat first: a missing file shows up as ENOENT from open.
enum CgroupFiles {
    /// Writes `value` to `dir/file`. The error names the file and the value, because
    /// the kernel's EINVAL alone does not say which limit it refused.
    static func write(_ dir: String, _ file: String, _ value: String) throws(StrataError) {
        let path = dir + "/" + file
        let code = rawWrite(path, value)
        if code != 0 { throw refused(file, path, value, code) }
    }

    static func refused(_ file: String, _ path: String, _ value: String, _ code: Int32) -> StrataError {
        ResourceFieldNames.annotate(StrataError("write", "\(path) \"\(value)\"", errno: code), file: file, value: value)
    }

    /// Like `write`, but a file that does not exist is skipped (returns false): for
    /// optional kernel features such as memory.memsw.* without swap accounting.
    @discardableResult
    static func writeIfPresent(_ dir: String, _ file: String, _ value: String) throws(StrataError) -> Bool {
        let path = dir + "/" + file
        let code = rawWrite(path, value)
        if code == ENOENT { return false }
        if code != 0 { throw refused(file, path, value, code) }
        return true
    }

    /// open+write+close; returns 0 or the errno of the failing call.
    static func rawWrite(_ path: String, _ value: String) -> Int32 {
        var fd: Int32
        repeat { fd = open(path, O_WRONLY | O_CLOEXEC) } while fd < 0 && currentErrno() == EINTR
        if fd < 0 { return currentErrno() }
        defer { close(fd) }
        let bytes = Array(value.utf8)
        // Control files parse one write(2) as one value, so it is never split or resumed.
        var n: Int
        repeat {
            n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        } while n < 0 && currentErrno() == EINTR
        return n < 0 ? currentErrno() : 0
    }

    /// The text of `dir/file` without surrounding whitespace.
    static func read(_ dir: String, _ file: String) throws(StrataError) -> String {
        try Files.readText(dir + "/" + file).trimmingASCIIWhitespace()
    }

    /// The text of `dir/file`, or nil when the file does not exist.
    static func readIfPresent(_ dir: String, _ file: String) throws(StrataError) -> String? {
        do {
            return try read(dir, file)
        } catch {
            if error.errno == ENOENT { return nil }
            throw error
        }
    }

    /// Pids listed in `dir/cgroup.procs`.
    static func procs(_ dir: String) throws(StrataError) -> [Int32] {
        let bytes = try Files.read(dir + "/cgroup.procs")
        return bytes.split(separator: UInt8(ascii: "\n")).compactMap { Int32(String(decoding: $0, as: UTF8.self)) }
    }

    /// mkdir -p that returns the directories it made, outermost first, so a caller can
    /// undo exactly its own work. On failure the ones made so far are removed again.
    static func makeDirectories(_ path: String) throws(StrataError) -> [String] {
        // Walk up until a mkdir succeeds or meets an existing directory, then come down.
        var missing: [String] = []
        var current = path
        var madeCurrent = false
        while true {
            if mkdir(current, 0o755) == 0 { madeCurrent = true; break }
            let code = currentErrno()
            if code == EEXIST { break }
            if code == EINTR { continue }
            let parent = Paths.dirname(current)
            guard code == ENOENT, parent != current, parent != "/", parent != "." else {
                throw StrataError.system("mkdir", current, errno: code)
            }
            missing.append(current)
            current = parent
        }
        var made: [String] = madeCurrent ? [current] : []
        for dir in missing.reversed() {
            if mkdir(dir, 0o755) == 0 { made.append(dir); continue }
            let code = currentErrno()
            // Someone else made it in between: theirs, not ours to remove later.
            if code == EEXIST { continue }
            removeQuietly(made.reversed())
            throw StrataError.system("mkdir", dir, errno: code)
        }
        return made
    }

    /// Removes cgroup directory `path` and any child cgroups under it (a container with a
    /// cgroup namespace may have made some). Processes that were just killed take a moment
    /// to leave, so EBUSY is retried with a growing delay. A missing directory is fine.
    static func removeTree(_ path: String) throws(StrataError) {
        var delay: UInt32 = 10_000
        var listedChildren = false
        for attempt in 0..<7 {
            if rmdir(path) == 0 { return }
            let code = currentErrno()
            if code == ENOENT { return }
            if code == EINTR { continue }
            guard code == EBUSY || code == ENOTEMPTY else { throw StrataError.system("rmdir", path, errno: code) }
            if !listedChildren {
                listedChildren = true
                let children = subdirectories(path)
                if !children.isEmpty {
                    for child in children { try removeTree(path + "/" + child) }
                    continue
                }
            }
            if attempt == 6 { throw StrataError.system("rmdir", path, errno: code) }
            usleep(delay)
            delay *= 2
        }
    }

    /// rmdir each of `dirs` in order, ignoring failures: used to undo a partial create,
    /// and for shared parents that may hold other containers' cgroups.
    static func removeQuietly(_ dirs: some Sequence<String>) {
        for dir in dirs { _ = rmdir(dir) }
    }

    /// Names of the subdirectories of `path` (child cgroups); empty when unreadable.
    static func subdirectories(_ path: String) -> [String] {
        guard let dir = opendir(path) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            guard entry.pointee.d_type == UInt8(DT_DIR) else { continue }
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// True when `path` is an existing directory.
    static func isDirectory(_ path: String) -> Bool { Files.isDirectory(path) }

    static func sleep(microseconds: UInt32) { usleep(microseconds) }
}
