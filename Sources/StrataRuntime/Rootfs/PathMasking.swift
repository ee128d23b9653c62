#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// maskedPaths and readonlyPaths, applied after pivot_root (container paths).
enum PathMasking {
    /// Hides `path`: /dev/null over a file, an empty read-only tmpfs over a directory.
    /// A path that does not exist is skipped, as the spec's examples assume.
    static func mask(_ path: String) throws(StrataError) {
        var st = stat()
        if stat(path, &st) != 0 {
            if currentErrno() == ENOENT { return }
            throw StrataError.system("stat", "masked path \(path)")
        }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            try Mounts.mount(source: "tmpfs", target: path, type: "tmpfs", flags: Mounts.rdonly, data: nil)
        } else {
            try Mounts.mount(source: "/dev/null", target: path, type: nil, flags: Mounts.bind, data: nil)
        }
    }

    /// Makes `path` read-only with a recursive bind and a read-only remount, keeping the
    /// nosuid/nodev/noexec the mount already has.
    static func makeReadOnly(_ path: String) throws(StrataError) {
        do {
            try Mounts.mount(source: path, target: path, type: nil, flags: Mounts.bind | Mounts.rec, data: nil)
        } catch {
            if error.errno == ENOENT { return }
            throw error
        }
        let locked = Mounts.lockedFlags(of: path) & (Mounts.nosuid | Mounts.nodev | Mounts.noexec)
        try Mounts.mount(source: nil, target: path, type: nil,
                         flags: Mounts.bind | Mounts.remount | Mounts.rdonly | Mounts.rec | locked, data: nil)
    }

    /// root.readonly: the container's / becomes read-only.
    static func makeRootReadOnly() throws(StrataError) {
        let locked = Mounts.lockedFlags(of: "/") & (Mounts.nosuid | Mounts.nodev | Mounts.noexec)
        try Mounts.mount(source: nil, target: "/", type: nil,
                         flags: Mounts.bind | Mounts.remount | Mounts.rdonly | locked, data: nil)
    }
}
