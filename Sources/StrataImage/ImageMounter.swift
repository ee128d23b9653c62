import Foundation
#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// `strata image mount`: the image's layers as one read-only overlayfs tree under
/// mounts/<id>/merged, for inspection. A single-layer image is a read-only bind mount
/// (overlayfs wants two lowers when it has no upper).
public enum ImageMounter {
    /// Mounts (or finds mounted) the image and returns the merged path.
    public static func mount(_ image: StoredImage, store: ImageStore) throws -> String {
        let dir = store.layout.mountsDir + "/" + image.record.id.hex
        let merged = dir + "/merged"
        if isMounted(merged) { return merged }
        try Files.makeDirectories(merged, mode: 0o700)
        let lowers = image.layerDirectories.reversed()
        guard !lowers.isEmpty else { throw StrataError("mount image", image.id, reason: "image has no layers") }
        if lowers.count == 1, let src = lowers.first {
            guard Glibc.mount(src, merged, nil, UInt(MS_BIND), nil) == 0 else { throw StrataError.system("bind mount", merged) }
            guard Glibc.mount(nil, merged, nil, UInt(MS_BIND | MS_REMOUNT | MS_RDONLY), nil) == 0 else {
                let e = errno
                umount2(merged, Int32(MNT_DETACH))
                throw StrataError("remount read-only", merged, errno: e)
            }
            return merged
        }
        let options = "lowerdir=" + lowers.joined(separator: ":")
        guard options.utf8.count < 4000 else {
            throw StrataError("mount image", image.id, reason: "\(lowers.count) layers do not fit one overlayfs option page")
        }
        guard Glibc.mount("overlay", merged, "overlay", UInt(MS_RDONLY), options) == 0 else {
            throw StrataError.system("mount overlay", merged)
        }
        return merged
    }

    /// Unmounts and removes the mount directory; false when it was not mounted.
    @discardableResult
    public static func unmount(_ image: StoredImage, store: ImageStore) throws -> Bool {
        let dir = store.layout.mountsDir + "/" + image.record.id.hex
        let merged = dir + "/merged"
        guard isMounted(merged) else { try? Files.removeTree(dir); return false }
        guard umount2(merged, 0) == 0 else { throw StrataError.system("unmount", merged) }
        try? Files.removeTree(dir)
        return true
    }

    /// Whether `path` (or its merged/ child) is a mount point: its device differs from its parent's.
    static func isMounted(_ path: String) -> Bool {
        let p = path.hasSuffix("/merged") ? path : path + "/merged"
        var a = stat(), b = stat()
        guard lstat(p, &a) == 0, lstat(Paths.dirname(p), &b) == 0 else { return false }
        if a.st_dev != b.st_dev { return true }
        // A bind mount of a directory on the same filesystem keeps st_dev: ask mountinfo.
        guard let text = try? Files.readText("/proc/self/mountinfo") else { return false }
        return text.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count > 4 && fields[4] == p
        }
    }
}
