import StrataSystem
import StrataSpec

/// Writes a child's uid_map and gid_map from the parent, which holds the privilege to.
enum IDMaps {
    static func write(for pid: Int32, linux: Linux?) throws(StrataError) {
        let uids = (linux?.uidMappings ?? []).map { "\($0.containerID) \($0.hostID) \($0.size)" }
        let gids = (linux?.gidMappings ?? []).map { "\($0.containerID) \($0.hostID) \($0.size)" }
        if !uids.isEmpty {
            try Files.writeControl("/proc/\(pid)/uid_map", uids.joined(separator: "\n") + "\n")
        }
        if !gids.isEmpty {
            try Files.writeControl("/proc/\(pid)/gid_map", gids.joined(separator: "\n") + "\n")
        }
    }
}
