#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem

/// maskedPaths and readonlyPaths, applied after pivot_root (container paths).
///
/// Each path is opened once beneath the new root and the mount goes onto that descriptor.
/// A file is masked with the container's /dev/null only after checking that it is the
/// null device itself, reached without a symlink: a /dev/null that is a link to a procfs
/// file, or a bind of one, would expose that file read-write where the mask should be
/// (CVE-2025-31133). A missing or wrong /dev/null fails the create; a path is never left
/// unmasked.
struct PathMasking {
    let root: SafePath

    /// The container's root, after pivot_root.
    init() throws(StrataError) {
        root = try SafePath(root: "/")
    }

    func close() { root.close() }

    /// Hides `path`: /dev/null over a file, an empty read-only tmpfs over a directory.
    /// A path that does not exist is skipped, as the spec's examples assume.
    func mask(_ path: String) throws(StrataError) {
        guard let target = try openTarget(path, "masked path") else { return }
        defer { closeFD(target) }
        var st = stat()
        guard fstat(target, &st) == 0 else { throw StrataError.system("stat", "masked path \(path)") }
        let detached: Int32
        if (st.st_mode & S_IFMT) == S_IFDIR {
            detached = try Mounts.newFilesystem(type: "tmpfs", source: "tmpfs", flags: Mounts.rdonly, data: nil, shown: path)
        } else {
            let null = try openNull(for: path)
            defer { closeFD(null) }
            detached = try Mounts.cloneTree(null, "", recursive: false, shown: "/dev/null for masked path \(path)")
        }
        defer { closeFD(detached) }
        try Mounts.attach(detached, onto: target, shown: path)
    }

    /// An O_PATH descriptor on `path` beneath the root, or nil when nothing is there (the
    /// spec's lists name paths a kernel or image may lack).
    private func openTarget(_ path: String, _ what: String) throws(StrataError) -> Int32? {
        let target = root.openRaw(path, flags: O_PATH)
        if target >= 0 { return target }
        let code = currentErrno()
        if code == ENOENT { return nil }
        throw StrataError.system("open", "\(what) \(path)", errno: code)
    }

    /// The container's /dev/null, checked to be the null device (char 1:3) and reached
    /// without any symlink.
    private func openNull(for path: String) throws(StrataError) -> Int32 {
        let null = Descriptors.openatInRootNoSymlinks(root.rootFD, "dev/null", flags: O_PATH)
        if null < 0 {
            let code = currentErrno()
            throw StrataError("mask", "\(path) with /dev/null", errno: code,
                              reason: code == ELOOP ? "/dev/null is a symlink, not the null device" : nil)
        }
        var st = stat()
        guard fstat(null, &st) == 0, (st.st_mode & S_IFMT) == S_IFCHR, st.st_rdev == strata_makedev(1, 3) else {
            closeFD(null)
            throw StrataError("mask", "\(path) with /dev/null", reason: "/dev/null is not the null device (char 1:3)")
        }
        return null
    }

    /// Makes `path` read-only: a recursive clone of it, read-only at its top (its other
    /// flags kept), attached over it.
    func makeReadOnly(_ path: String) throws(StrataError) {
        guard let target = try openTarget(path, "readonly path") else { return }
        defer { closeFD(target) }
        let tree = try Mounts.cloneTree(target, "", recursive: true, shown: path)
        defer { closeFD(tree) }
        try Mounts.setAttributes(tree, set: Mounts.attrRdonly, clear: 0, recursive: false, shown: path)
        try Mounts.attach(tree, onto: target, shown: path)
    }

    /// root.readonly: the container's / becomes read-only, its other flags kept.
    func makeRootReadOnly() throws(StrataError) {
        try Mounts.setAttributes(root.rootFD, set: Mounts.attrRdonly, clear: 0, recursive: false, shown: "/")
    }
}
