import StrataSystem
import StrataSpec

/// Adapter from the spec module's mount-option table to mount(2) terms.
enum MountOptionParser {
    struct Parsed {
        var flags: UInt = 0
        var propagation: [UInt] = []
        var data: String = ""
    }

    static var supportedNames: [String] { [] }

    static func parse(_ options: [String]) -> Parsed {
        var p = Parsed()
        var data: [String] = []
        for o in options {
            switch o {
            case "ro": p.flags |= Mounts.rdonly
            case "rw": p.flags &= ~Mounts.rdonly
            case "nosuid": p.flags |= Mounts.nosuid
            case "nodev": p.flags |= Mounts.nodev
            case "noexec": p.flags |= Mounts.noexec
            case "bind": p.flags |= Mounts.bind
            case "rbind": p.flags |= Mounts.bind | Mounts.rec
            case "relatime": p.flags |= 1 << 21
            case "strictatime": p.flags |= 1 << 24
            case "rprivate": p.propagation.append(Mounts.privateFlag | Mounts.rec)
            case "private": p.propagation.append(Mounts.privateFlag)
            case "rslave": p.propagation.append(Mounts.slave | Mounts.rec)
            case "slave": p.propagation.append(Mounts.slave)
            case "rshared": p.propagation.append(Mounts.shared | Mounts.rec)
            case "shared": p.propagation.append(Mounts.shared)
            default: data.append(o)
            }
        }
        p.data = data.joined(separator: ",")
        return p
    }
}
