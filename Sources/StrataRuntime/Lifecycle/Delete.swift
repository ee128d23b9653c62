#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec
import StrataCgroups

extension Runtime {
    /// `strun delete [--force] ID`: kills what is left (created, or with --force), removes
    /// the cgroup and the state directory, then runs poststop hooks.
    public func delete(id: String, force: Bool) throws(StrataError) {
        try ContainerID.validate(id)
        // runc exits 0 for `delete --force` of an unknown id; shims rely on it in cleanup.
        if force && !Files.exists(store.directory(id)) { return }
        let lock = try store.lock(id)
        defer { lock.release() }
        let record: ContainerRecord
        do { record = try store.load(id) } catch {
            // A directory without state is debris of a crashed create: clear it.
            if error.errno == ENOENT { try? store.remove(id) }
            throw error
        }
        let current = status(of: record)
        switch current {
        case .stopped, .created:
            break
        default:
            if !force {
                throw StrataError.message("cannot delete container \(id) that is not stopped: \(current.rawValue)")
            }
        }
        try destroy(record, killFirst: current != .stopped)
    }

    /// Kills every process of the container, removes its cgroup and state, runs poststop.
    func destroy(_ record: ContainerRecord, killFirst: Bool) throws(StrataError) {
        var manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
        manager.createdDirectories = record.createdCgroupDirectories
        if killFirst || !((try? manager.isEmpty()) ?? true) {
            if record.privatePidNamespace && StatusProbe.initAlive(record) {
                // Killing a pid namespace's init kills everything in it.
                _ = Glibc.kill(record.pid, SIGKILL)
            }
            try? manager.killAll(signal: SIGKILL)
            waitGone(record, manager: manager)
        }
        if manager.exists {
            do { try manager.destroy() } catch {
                throw error.within("remove cgroup of container \(record.id)")
            }
        }
        try store.remove(record.id)
        if let hooks = record.poststop, !hooks.isEmpty {
            for failure in HookRunner.runAllReporting(hooks, kind: "poststop", state: StateView.json(record, status: .stopped)) {
                logger.warning("\(failure.description)")
            }
        }
    }

    /// Waits (up to ~2 s) for the init and the cgroup's processes to be gone, reaping the
    /// init when it is our child (foreground run).
    func waitGone(_ record: ContainerRecord, manager: some CgroupManager) {
        for attempt in 0..<400 {
            _ = try? Processes.wait(record.pid, options: WNOHANG)
            let initGone = !StatusProbe.initAlive(record)
            let empty = (try? manager.isEmpty()) ?? true
            if initGone && empty { return }
            usleep(attempt < 50 ? 1_000 : 5_000)
        }
    }
}
