import StrataSystem
import StrataSpec
import StrataCgroups

extension Runtime {
    /// `strun update ID`: writes the given `linux.resources` into the live cgroup. Only the
    /// values present change; the rest keep what create (or an earlier update) set.
    public func update(id: String, resources: LinuxResources) throws(StrataError) {
        let (record, lock) = try loadLocked(id)
        defer { lock.release() }
        if status(of: record) == .stopped {
            throw StrataError.message("cannot update container \(id): it is stopped")
        }
        // The rules were combined at create with the config's device nodes, which the
        // record does not keep: a partial list here would lock the container out of them.
        if !(resources.devices ?? []).isEmpty {
            throw StrataError("update", "linux.resources.devices",
                              reason: "device rules are fixed when the container is created")
        }
        let manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
        let check = record.checkMemoryBeforeUpdate || resources.memory?.checkBeforeUpdate == true
        var converted = CgroupSetup.resources(from: resources)
        converted.devices = []
        do {
            try manager.update(converted, checkBeforeUpdate: check)
        } catch {
            throw error.within("update container \(id)")
        }
    }
}
