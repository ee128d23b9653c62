import StrataSystem

/// Delegation of v2 controllers down a cgroup2 tree.
enum SubtreeControl {
    /// A v2 controller's files appear in a cgroup only once every ancestor lists it in
    /// cgroup.subtree_control: enable, top-down from `mountPoint` to the parent of
    /// `directory`, whatever each level offers (or only `wanted`). Like runc, this is
    /// best effort: a level that refuses (a parent with processes of its own, or one
    /// delegated to someone else) leaves those files missing, and writing a limit then
    /// names the missing file.
    static func enable(mountPoint: String, directory: String, wanted: Set<Substring>? = nil) throws(StrataError) {
        var levels: [String] = []
        var current = Paths.dirname(directory)
        while current.count >= mountPoint.count && current.hasPrefix(mountPoint) {
            levels.append(current)
            if current == mountPoint { break }
            current = Paths.dirname(current)
        }
        for level in levels.reversed() {
            guard let available = try CgroupFiles.readIfPresent(level, "cgroup.controllers"),
                  !available.isEmpty else { continue }
            let names = available.split(separator: " ").filter { wanted?.contains($0) ?? true }
            if names.isEmpty { continue }
            let all = names.map { "+" + $0 }.joined(separator: " ")
            if CgroupFiles.rawWrite(level + "/cgroup.subtree_control", all) != 0 {
                for name in names { _ = CgroupFiles.rawWrite(level + "/cgroup.subtree_control", "+" + name) }
            }
        }
    }
}
