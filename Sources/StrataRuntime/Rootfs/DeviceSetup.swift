#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// A device node to provide in the container's /dev.
struct DeviceNode {
    let path: String
    let type: Character   // "c", "b", "u" or "p"
    let major: Int64
    let minor: Int64
    let mode: UInt32
    let uid: UInt32
    let gid: UInt32

    /// The devices every container gets (runc's and the spec's default list).
    static let defaults: [DeviceNode] = [
        DeviceNode(path: "/dev/null", type: "c", major: 1, minor: 3, mode: 0o666, uid: 0, gid: 0),
        DeviceNode(path: "/dev/zero", type: "c", major: 1, minor: 5, mode: 0o666, uid: 0, gid: 0),
        DeviceNode(path: "/dev/full", type: "c", major: 1, minor: 7, mode: 0o666, uid: 0, gid: 0),
        DeviceNode(path: "/dev/random", type: "c", major: 1, minor: 8, mode: 0o666, uid: 0, gid: 0),
        DeviceNode(path: "/dev/urandom", type: "c", major: 1, minor: 9, mode: 0o666, uid: 0, gid: 0),
        DeviceNode(path: "/dev/tty", type: "c", major: 5, minor: 0, mode: 0o666, uid: 0, gid: 0),
    ]

    init(path: String, type: Character, major: Int64, minor: Int64, mode: UInt32, uid: UInt32, gid: UInt32) {
        self.path = path; self.type = type; self.major = major; self.minor = minor
        self.mode = mode; self.uid = uid; self.gid = gid
    }

    init(_ device: LinuxDevice) {
        path = device.path
        type = device.type.first ?? "c"
        major = Int64(device.major)
        minor = Int64(device.minor)
        mode = UInt32(device.fileMode ?? 0o666) & 0o7777
        uid = UInt32(device.uid ?? 0)
        gid = UInt32(device.gid ?? 0)
    }
}

/// Populates /dev: device nodes (mknod, or bind mounts of the host's nodes inside a user
/// namespace where mknod is not allowed), the standard symlinks, and /dev/ptmx.
struct DeviceSetup {
    let root: SafePath
    let inUserNamespace: Bool

    func create(_ devices: [DeviceNode]) throws(StrataError) {
        for device in devices { try create(device) }
    }

    func create(_ device: DeviceNode) throws(StrataError) {
        let dest = Paths.clean(device.path)
        closeFD(try root.makeDirectories(Paths.dirname(dest)))
        if inUserNamespace {
            let fd = try root.makeFile(dest, mode: 0)
            defer { closeFD(fd) }
            // The host's node (this runs before pivot_root), cloned and attached by descriptor.
            let tree = try Mounts.cloneTree(AT_FDCWD, device.path, recursive: false, shown: "device \(device.path)")
            defer { closeFD(tree) }
            try Mounts.attach(tree, onto: fd, shown: dest)
            return
        }
        let kind: mode_t
        switch device.type {
        case "b": kind = S_IFBLK
        case "p": kind = S_IFIFO
        default: kind = S_IFCHR
        }
        let parent = root.openRaw(Paths.dirname(dest), flags: O_RDONLY | O_DIRECTORY)
        if parent < 0 { throw StrataError.system("open", root.rootPath + Paths.dirname(dest)) }
        defer { closeFD(parent) }
        let name = String(dest.split(separator: "/").last ?? "")
        // An image may ship its own node or a placeholder file: replace it.
        _ = unlinkat(parent, name, 0)
        let dev = strata_makedev(UInt32(truncatingIfNeeded: device.major), UInt32(truncatingIfNeeded: device.minor))
        if mknodat(parent, name, kind | mode_t(device.mode), dev) != 0 {
            throw StrataError.system("mknod", dest)
        }
        if fchownat(parent, name, device.uid, device.gid, AT_SYMLINK_NOFOLLOW) != 0 {
            throw StrataError.system("chown", dest)
        }
    }

    /// /dev/fd, /dev/std{in,out,err}, /dev/core and /dev/ptmx -> pts/ptmx.
    func createSymlinks() throws(StrataError) {
        let dev = root.openRaw("/dev", flags: O_RDONLY | O_DIRECTORY)
        if dev < 0 { throw StrataError.system("open", root.rootPath + "/dev") }
        defer { closeFD(dev) }
        var links: [(String, String)] = [
            ("/proc/self/fd", "fd"), ("/proc/self/fd/0", "stdin"),
            ("/proc/self/fd/1", "stdout"), ("/proc/self/fd/2", "stderr"),
        ]
        if Files.exists("/proc/kcore") { links.append(("/proc/kcore", "core")) }
        for (target, name) in links {
            if symlinkat(target, dev, name) != 0 && currentErrno() != EEXIST {
                throw StrataError.system("symlink", "/dev/\(name)")
            }
        }
        // The devpts instance of this container provides ptmx; point /dev/ptmx at it.
        _ = unlinkat(dev, "ptmx", 0)
        if symlinkat("pts/ptmx", dev, "ptmx") != 0 {
            throw StrataError.system("symlink", "/dev/ptmx")
        }
    }
}
