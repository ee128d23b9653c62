import StrataSystem

/// Changing the limits of a cgroup that already holds a running container (`update`).
extension CgroupManager {
    /// Applies `resources` to a live cgroup. Differs from `apply` in two ways that only
    /// matter once processes run: with `checkBeforeUpdate`, a memory limit below the
    /// current usage is refused instead of pushing the container into reclaim or the OOM
    /// killer; and a swap change without a memory limit is computed against the
    /// cgroup's current limit, since v2 stores swap separately from memory.
    public func update(_ resources: CgroupResources, checkBeforeUpdate: Bool) throws(StrataError) {
        var r = resources
        if let files = memoryFiles() {
            if checkBeforeUpdate, let limit = r.memory.limit, limit > 0,
               let usage = UInt64(try CgroupFiles.read(files.directory, files.usage)), UInt64(limit) < usage {
                throw StrataError("update", "linux.resources.memory.limit \(limit)",
                                  reason: "below the container's current memory usage of \(usage) bytes (memory.checkBeforeUpdate is set)")
            }
            if mode == .unified, let swap = r.memory.swap, swap > 0, r.memory.limit == nil {
                let current = try CgroupFiles.read(files.directory, files.limit)
                r.memory.limit = current == "max" ? -1 : Int64(current)
            }
        }
        try apply(r)
    }

    /// The memory controller's directory and its usage and limit files, if mounted.
    func memoryFiles() -> (directory: String, usage: String, limit: String)? {
        if let v2 = self as? CgroupV2Manager { return (v2.directory, "memory.current", "memory.max") }
        if let v1 = self as? CgroupV1Manager, let dir = v1.directory(for: "memory") {
            return (dir, "memory.usage_in_bytes", "memory.limit_in_bytes")
        }
        return nil
    }
}
