import StrataSystem

/// `--systemd-cgroup`'s form of `linux.cgroupsPath`, "slice:prefix:name", as the cgroupfs
/// path systemd would give the unit: "machine-libpod.slice:libpod:abc" is
/// /machine.slice/machine-libpod.slice/libpod-abc.scope. strun creates that directory
/// itself; it does not ask systemd over D-Bus to make the scope.
public enum SystemdCgroupPath {
    /// The absolute cgroupfs path; an empty cgroupsPath is "system.slice:strun:ID" (runc's
    /// default with its own prefix).
    public static func cgroupfs(_ cgroupsPath: String, containerID: String) throws(StrataError) -> String {
        let text = cgroupsPath.isEmpty ? "system.slice:strun:\(containerID)" : cgroupsPath
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else {
            throw StrataError("resolve cgroup path", text, reason: "with --systemd-cgroup, linux.cgroupsPath must be \"slice:prefix:name\"")
        }
        for part in parts[1...] where part.contains("/") || part == ".." || part == "." {
            throw StrataError("resolve cgroup path", text, reason: "a systemd unit name cannot contain \"/\" or be \".\" or \"..\"")
        }
        let slice = parts[0].isEmpty ? "system.slice" : parts[0]
        let name = parts[2].isEmpty ? containerID : parts[2]
        let unit = name.hasSuffix(".slice") ? name : (parts[1].isEmpty ? name : parts[1] + "-" + name) + ".scope"
        return try expand(slice: slice) + "/" + unit
    }

    /// "a-b-c.slice" → "/a.slice/a-b.slice/a-b-c.slice"; "-.slice" is the root.
    static func expand(slice: String) throws(StrataError) -> String {
        guard slice.hasSuffix(".slice"), !slice.contains("/") else {
            throw StrataError("resolve cgroup path", slice, reason: "not a systemd slice name (\"name.slice\")")
        }
        if slice == "-.slice" { return "" }
        let base = String(slice.dropLast(".slice".count))
        guard !base.isEmpty, !base.hasPrefix("-"), !base.hasSuffix("-"), !base.contains("--") else {
            throw StrataError("resolve cgroup path", slice, reason: "not a valid systemd slice name")
        }
        var path = ""
        var prefix = ""
        for part in base.split(separator: "-") {
            prefix = prefix.isEmpty ? String(part) : prefix + "-" + part
            path += "/" + prefix + ".slice"
        }
        return path
    }
}
