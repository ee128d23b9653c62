#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// Writes a child's uid_map and gid_map from the parent.
///
/// As root the maps are written directly. Without privilege the kernel lets a process map
/// only its own id, and a gid map only after setgroups is denied; any other map (several
/// ranges, subordinate ids) goes through the setuid helpers newuidmap/newgidmap from
/// Debian's uidmap, which check /etc/subuid and /etc/subgid.
enum IDMaps {
    /// The files are reached through `procfs` (see `ProcFS`), the host side's.
    static func write(for pid: Int32, linux: Linux?, procfs: ProcFS) throws(StrataError) {
        let privileged = geteuid() == 0
        try write("uid", pid: pid, linux?.uidMappings ?? [], privileged: privileged, ownID: geteuid(), procfs: procfs)
        try write("gid", pid: pid, linux?.gidMappings ?? [], privileged: privileged, ownID: getegid(), procfs: procfs)
    }

    private static func write(_ kind: String, pid: Int32, _ mappings: [LinuxIDMapping],
                              privileged: Bool, ownID: UInt32, procfs: ProcFS) throws(StrataError) {
        guard !mappings.isEmpty else { return }
        let onlyOwnID = mappings.count == 1 && mappings[0].hostID == ownID && mappings[0].size == 1
        if privileged || onlyOwnID {
            if !privileged && kind == "gid" {
                try procfs.write("\(pid)/setgroups", "deny")
            }
            let text = mappings.map { "\($0.containerID) \($0.hostID) \($0.size)" }.joined(separator: "\n") + "\n"
            try procfs.write("\(pid)/\(kind)_map", text)
            return
        }
        let tool = "new\(kind)map"
        let argv = [tool, String(pid)] + mappings.flatMap { [String($0.containerID), String($0.hostID), String($0.size)] }
        let result: (status: ExitStatus, output: [UInt8])
        do { result = try Capture.run(argv) } catch {
            throw error.within("linux.\(kind)Mappings need \(tool) (Debian package uidmap) when not root")
        }
        if result.status != .exited(0) {
            let said = String(decoding: result.output, as: UTF8.self).trimmingASCIIWhitespace()
            throw StrataError("write \(kind)_map", "pid \(pid)",
                              reason: "\(argv.joined(separator: " ")) failed (\(result.status.shellCode)): \(said)")
        }
    }
}
