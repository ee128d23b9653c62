/// mount(2) flag values (`MS_*`), spelled out so this module needs no libc.
public enum MountFlags {
    public static let rdonly: UInt = 1
    public static let nosuid: UInt = 2
    public static let nodev: UInt = 4
    public static let noexec: UInt = 8
    public static let synchronous: UInt = 16
    public static let remount: UInt = 32
    public static let mandlock: UInt = 64
    public static let dirsync: UInt = 128
    public static let nosymfollow: UInt = 256
    public static let noatime: UInt = 1024
    public static let nodiratime: UInt = 2048
    public static let bind: UInt = 4096
    public static let move: UInt = 8192
    public static let rec: UInt = 16384
    public static let silent: UInt = 32768
    public static let unbindable: UInt = 1 << 17
    public static let `private`: UInt = 1 << 18
    public static let slave: UInt = 1 << 19
    public static let shared: UInt = 1 << 20
    public static let relatime: UInt = 1 << 21
    public static let iversion: UInt = 1 << 23
    public static let strictatime: UInt = 1 << 24
    public static let lazytime: UInt = 1 << 25
}

/// mount_setattr(2) attribute values (`MOUNT_ATTR_*`), used by the recursive `r*` options.
public enum MountAttributes {
    public static let rdonly: UInt64 = 0x1
    public static let nosuid: UInt64 = 0x2
    public static let nodev: UInt64 = 0x4
    public static let noexec: UInt64 = 0x8
    /// The mask of the three mutually exclusive atime modes.
    public static let atimeMask: UInt64 = 0x70
    public static let relatime: UInt64 = 0x0
    public static let noatime: UInt64 = 0x10
    public static let strictatime: UInt64 = 0x20
    public static let nodiratime: UInt64 = 0x80
    public static let idmap: UInt64 = 0x100000
    public static let nosymfollow: UInt64 = 0x200000
}

/// An idmapped-mount request from the `idmap` or `ridmap` option.
public enum IDMapOption: String, Sendable, Hashable {
    /// Idmap the mount itself.
    case idmap
    /// Idmap the mount and every submount.
    case ridmap
}

/// The result of interpreting a mount's `options`, ready for mount(2) and mount_setattr(2).
public struct ParsedMountOptions: Sendable, Hashable {
    /// `MS_*` flags to set.
    public var flags: UInt = 0
    /// `MS_*` flags an option explicitly cleared (`rw`, `suid`, `exec`...), which matters for
    /// bind remounts that otherwise inherit the source's flags.
    public var clearedFlags: UInt = 0
    /// Propagation changes, each `MS_SHARED`/`MS_SLAVE`/`MS_PRIVATE`/`MS_UNBINDABLE`, possibly
    /// with `MS_REC`, in the order given; each needs its own mount(2) call.
    public var propagationFlags: [UInt] = []
    /// `MOUNT_ATTR_*` to set recursively.
    public var recursiveAttrSet: UInt64 = 0
    /// `MOUNT_ATTR_*` to clear recursively.
    public var recursiveAttrClear: UInt64 = 0
    /// Whether `tmpcopyup` asked to copy the underlying directory into a new tmpfs.
    public var tmpcopyup = false
    /// An idmapped-mount request.
    public var idmap: IDMapOption?
    /// Options the kernel interprets per filesystem (`mode=755`, `size=64k`...), comma-joined
    /// in order, for mount(2)'s data argument.
    public var data: String = ""

    public init() {}
}

/// The mount option table, as runc interprets `mounts[].options`.
public enum MountOptions {
    /// An option that sets or clears an `MS_*` flag.
    public struct FlagOption: Sendable, Hashable {
        /// Whether the option clears the flag (`rw` clears `MS_RDONLY`).
        public var clear: Bool
        public var flag: UInt
    }

    /// An option that sets or clears `MOUNT_ATTR_*` recursively.
    public struct AttributeOption: Sendable, Hashable {
        public var clear: Bool
        public var attribute: UInt64
    }

    /// Options that set or clear `MS_*` flags.
    public static let flagOptions: [String: FlagOption] = [
        "async": FlagOption(clear: true, flag: MountFlags.synchronous),
        "atime": FlagOption(clear: true, flag: MountFlags.noatime),
        "bind": FlagOption(clear: false, flag: MountFlags.bind),
        "defaults": FlagOption(clear: false, flag: 0),
        "dev": FlagOption(clear: true, flag: MountFlags.nodev),
        "diratime": FlagOption(clear: true, flag: MountFlags.nodiratime),
        "dirsync": FlagOption(clear: false, flag: MountFlags.dirsync),
        "exec": FlagOption(clear: true, flag: MountFlags.noexec),
        "iversion": FlagOption(clear: false, flag: MountFlags.iversion),
        "lazytime": FlagOption(clear: false, flag: MountFlags.lazytime),
        "loud": FlagOption(clear: true, flag: MountFlags.silent),
        "mand": FlagOption(clear: false, flag: MountFlags.mandlock),
        "noatime": FlagOption(clear: false, flag: MountFlags.noatime),
        "nodev": FlagOption(clear: false, flag: MountFlags.nodev),
        "nodiratime": FlagOption(clear: false, flag: MountFlags.nodiratime),
        "noexec": FlagOption(clear: false, flag: MountFlags.noexec),
        "noiversion": FlagOption(clear: true, flag: MountFlags.iversion),
        "nolazytime": FlagOption(clear: true, flag: MountFlags.lazytime),
        "nomand": FlagOption(clear: true, flag: MountFlags.mandlock),
        "norelatime": FlagOption(clear: true, flag: MountFlags.relatime),
        "nostrictatime": FlagOption(clear: true, flag: MountFlags.strictatime),
        "nosuid": FlagOption(clear: false, flag: MountFlags.nosuid),
        "nosymfollow": FlagOption(clear: false, flag: MountFlags.nosymfollow),
        "rbind": FlagOption(clear: false, flag: MountFlags.bind | MountFlags.rec),
        "relatime": FlagOption(clear: false, flag: MountFlags.relatime),
        "remount": FlagOption(clear: false, flag: MountFlags.remount),
        "ro": FlagOption(clear: false, flag: MountFlags.rdonly),
        "rw": FlagOption(clear: true, flag: MountFlags.rdonly),
        "silent": FlagOption(clear: false, flag: MountFlags.silent),
        "strictatime": FlagOption(clear: false, flag: MountFlags.strictatime),
        "suid": FlagOption(clear: true, flag: MountFlags.nosuid),
        "symfollow": FlagOption(clear: true, flag: MountFlags.nosymfollow),
        "sync": FlagOption(clear: false, flag: MountFlags.synchronous),
    ]

    /// Propagation options, each a separate mount(2) call after the mount exists.
    public static let propagationOptions: [String: UInt] = [
        "private": MountFlags.private,
        "shared": MountFlags.shared,
        "slave": MountFlags.slave,
        "unbindable": MountFlags.unbindable,
        "rprivate": MountFlags.private | MountFlags.rec,
        "rshared": MountFlags.shared | MountFlags.rec,
        "rslave": MountFlags.slave | MountFlags.rec,
        "runbindable": MountFlags.unbindable | MountFlags.rec,
    ]

    /// Recursive options applied with mount_setattr(2) and `AT_RECURSIVE`.
    public static let recursiveOptions: [String: AttributeOption] = [
        "rro": AttributeOption(clear: false, attribute: MountAttributes.rdonly),
        "rrw": AttributeOption(clear: true, attribute: MountAttributes.rdonly),
        "rnosuid": AttributeOption(clear: false, attribute: MountAttributes.nosuid),
        "rsuid": AttributeOption(clear: true, attribute: MountAttributes.nosuid),
        "rnodev": AttributeOption(clear: false, attribute: MountAttributes.nodev),
        "rdev": AttributeOption(clear: true, attribute: MountAttributes.nodev),
        "rnoexec": AttributeOption(clear: false, attribute: MountAttributes.noexec),
        "rexec": AttributeOption(clear: true, attribute: MountAttributes.noexec),
        "rnodiratime": AttributeOption(clear: false, attribute: MountAttributes.nodiratime),
        "rdiratime": AttributeOption(clear: true, attribute: MountAttributes.nodiratime),
        "rrelatime": AttributeOption(clear: false, attribute: MountAttributes.relatime),
        "rnorelatime": AttributeOption(clear: true, attribute: MountAttributes.relatime),
        "rnoatime": AttributeOption(clear: false, attribute: MountAttributes.noatime),
        "ratime": AttributeOption(clear: true, attribute: MountAttributes.noatime),
        "rstrictatime": AttributeOption(clear: false, attribute: MountAttributes.strictatime),
        "rnostrictatime": AttributeOption(clear: true, attribute: MountAttributes.strictatime),
        "rnosymfollow": AttributeOption(clear: false, attribute: MountAttributes.nosymfollow),
        "rsymfollow": AttributeOption(clear: true, attribute: MountAttributes.nosymfollow),
    ]

    /// Every option name the table knows, for `Features.mountOptions`.
    public static var knownNames: [String] {
        (Array(flagOptions.keys) + Array(propagationOptions.keys) + Array(recursiveOptions.keys)
            + ["tmpcopyup", "idmap", "ridmap"]).sorted()
    }

    /// Interprets mount options as runc does: later options override earlier ones, and
    /// options the table does not know are passed to the filesystem in `data`.
    public static func parse(_ options: [String]) -> ParsedMountOptions {
        var result = ParsedMountOptions()
        var data: [String] = []
        for option in options {
            if let entry = flagOptions[option] {
                if entry.clear {
                    result.flags &= ~entry.flag
                    result.clearedFlags |= entry.flag
                } else {
                    result.flags |= entry.flag
                    result.clearedFlags &= ~entry.flag
                }
            } else if let propagation = propagationOptions[option] {
                result.propagationFlags.append(propagation)
            } else if let entry = recursiveOptions[option] {
                if entry.clear {
                    result.recursiveAttrSet &= ~entry.attribute
                    result.recursiveAttrClear |= entry.attribute
                } else {
                    // The atime modes share one field; choosing one must clear the others.
                    if entry.attribute & MountAttributes.atimeMask == entry.attribute {
                        result.recursiveAttrClear |= MountAttributes.atimeMask
                        result.recursiveAttrSet &= ~MountAttributes.atimeMask
                    } else {
                        result.recursiveAttrClear &= ~entry.attribute
                    }
                    result.recursiveAttrSet |= entry.attribute
                }
            } else if option == "tmpcopyup" {
                result.tmpcopyup = true
            } else if let idmap = IDMapOption(rawValue: option) {
                result.idmap = idmap
            } else {
                data.append(option)
            }
        }
        result.data = data.joined(separator: ",")
        return result
    }
}

/// Interprets mount options; see `MountOptions.parse(_:)`.
public func parseMountOptions(_ options: [String]) -> ParsedMountOptions {
    MountOptions.parse(options)
}
