import StrataSystem

/// One mounted v1 hierarchy: a set of co-mounted controllers (`cpu,cpuacct`) or a named
/// hierarchy (`name=systemd`).
public struct V1Hierarchy: Sendable, Equatable {
    /// Controller names as the kernel spells them in /proc/self/cgroup, sorted; a named
    /// hierarchy appears as `name=NAME`.
    public var controllers: [String]
    /// Where it is mounted, e.g. `/sys/fs/cgroup/memory`.
    public var mountPoint: String
    /// The cgroup shown at the mount point (field 4 of mountinfo): `/` unless a subtree
    /// was bind-mounted, as inside some containers.
    public var root: String

    public init(controllers: [String], mountPoint: String, root: String) {
        self.controllers = controllers.sorted()
        self.mountPoint = mountPoint
        self.root = root
    }

    /// True when this hierarchy carries `controller`.
    public func has(_ controller: String) -> Bool { controllers.contains(controller) }

    /// A named hierarchy has no resource controller, only process grouping.
    public var isNamedOnly: Bool { controllers.allSatisfy { $0.hasPrefix("name=") } }
}

/// The cgroup2 mount.
public struct UnifiedMount: Sendable, Equatable {
    public var mountPoint: String
    public var root: String

    public init(mountPoint: String, root: String) {
        self.mountPoint = mountPoint
        self.root = root
    }
}

/// Every cgroup mount of this mount namespace, and the mode they add up to.
public struct CgroupMounts: Sendable, Equatable {
    /// v1 hierarchies, in mountinfo order, one entry per hierarchy (bind mounts of the same
    /// hierarchy are dropped: the first mount wins).
    public var v1: [V1Hierarchy]
    /// The first cgroup2 mount, if any.
    public var unified: UnifiedMount?

    public init(v1: [V1Hierarchy], unified: UnifiedMount?) {
        self.v1 = v1
        self.unified = unified
    }

    /// Legacy or hybrid as soon as a v1 hierarchy carries a real controller; a v1 mount of
    /// only `name=systemd` next to a cgroup2 still counts as unified, because every
    /// limit would then go through v2.
    public var mode: CgroupMode? {
        let controllersInV1 = v1.contains { !$0.isNamedOnly }
        if controllersInV1 { return unified == nil ? .legacy : .hybrid }
        return unified == nil ? nil : .unified
    }

    /// The v1 hierarchy carrying `controller`.
    public func hierarchy(for controller: String) -> V1Hierarchy? {
        v1.first { $0.has(controller) }
    }

    /// Reads /proc/self/mountinfo.
    public static func current() throws(StrataError) -> CgroupMounts {
        parse(mountinfo: try Files.readText("/proc/self/mountinfo"))
    }

    /// Parses mountinfo text (see proc(5)): `ID PARENT MAJ:MIN ROOT MOUNTPOINT OPTS
    /// [OPTIONAL...] - FSTYPE SOURCE SUPEROPTS`.
    public static func parse(mountinfo: String) -> CgroupMounts {
        var v1: [V1Hierarchy] = []
        var unified: UnifiedMount?
        for line in mountinfo.split(separator: "\n") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard let dash = fields.firstIndex(of: "-"), dash >= 6, dash + 1 < fields.count else { continue }
            let fsType = fields[dash + 1]
            guard fsType == "cgroup" || fsType == "cgroup2" else { continue }
            let root = unescape(fields[3])
            let mountPoint = unescape(fields[4])
            if fsType == "cgroup2" {
                if unified == nil { unified = UnifiedMount(mountPoint: mountPoint, root: root) }
                continue
            }
            guard dash + 3 < fields.count else { continue }
            let controllers = v1Controllers(superOptions: fields[dash + 3])
            guard !controllers.isEmpty else { continue }
            let hierarchy = V1Hierarchy(controllers: controllers, mountPoint: mountPoint, root: root)
            if !v1.contains(where: { $0.controllers == hierarchy.controllers }) {
                v1.append(hierarchy)
            }
        }
        return CgroupMounts(v1: v1, unified: unified)
    }

    /// Super options mix controller names with mount flags; only the flags are known, so
    /// everything else is taken as a controller.
    static func v1Controllers(superOptions: Substring) -> [String] {
        let flags: Set<Substring> = [
            "rw", "ro", "noprefix", "clone_children", "xattr", "cpuset_v2_mode", "favordynmods",
            "nsdelegate", "memory_localevents", "memory_recursiveprot", "all", "none",
        ]
        var out: [String] = []
        for option in superOptions.split(separator: ",") {
            if option.hasPrefix("name=") { out.append(String(option)); continue }
            if flags.contains(option) || option.contains("=") { continue }
            out.append(String(option))
        }
        return out
    }

    /// mountinfo escapes space, tab, newline and backslash as \ooo octal.
    static func unescape(_ field: Substring) -> String {
        guard field.contains("\\") else { return String(field) }
        var bytes: [UInt8] = []
        let raw = Array(field.utf8)
        var i = 0
        while i < raw.count {
            if raw[i] == UInt8(ascii: "\\"), i + 3 < raw.count {
                let digits = raw[(i + 1)...(i + 3)]
                if digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }) {
                    let value = digits.reduce(0) { $0 * 8 + Int($1 - UInt8(ascii: "0")) }
                    if value <= 255 {
                        bytes.append(UInt8(value))
                        i += 4
                        continue
                    }
                }
            }
            bytes.append(raw[i])
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
