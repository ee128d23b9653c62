#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec
import StrataCgroups

extension Runtime {
    /// `strun delete [--force] ID`: kills what is left (created, or with --force), removes
    /// the cgroup and the state directory, then runs poststop hooks.
    ///
    /// A create killed halfway leaves a record still marked `creating`: such a container
    /// is stopped, and delete clears whatever that create had made. A state.json that
    /// cannot be read does not stop `--force`: the container is then found from its kept
    /// config.json and its cgroup.
    public func delete(id: String, force: Bool) throws(StrataError) {
        try ContainerID.validate(id)
        defer { store.sweepDebris(of: id) }
        let lock: ContainerLock
        do { lock = try store.lock(id) } catch {
            // runc exits 0 for `delete --force` of an unknown id; shims rely on it in cleanup.
            if force && error.errno == ENOENT { return }
            throw error
        }
        defer { lock.release() }
        var record: ContainerRecord
        do { record = try store.load(id, in: lock) } catch {
            if error.errno == ENOENT {
                // A directory without state.json (an older strun's crashed create): clear it.
                try store.remove(id, lock: lock)
                if force { return }
                throw error
            }
            guard force else {
                throw error.within("delete container \(id) (`delete --force` removes what is left)")
            }
            logger.warning("\(error.description): container \(id) is removed from its config and cgroup")
            record = salvagedRecord(id, lock: lock)
        }
        let current = status(of: record, locked: true)
        switch current {
        case .stopped, .created:
            break
        default:
            if !force {
                throw StrataError.message("cannot delete container \(id) that is not stopped: \(current.rawValue)")
            }
        }
        try destroy(record, killFirst: current != .stopped, lock: lock)
    }

    /// What a damaged state.json no longer says, rebuilt from the container's copy of its
    /// config: the cgroup (whose processes are the container's) and the pid namespace.
    /// Without a readable config, the default cgroup path of the id.
    func salvagedRecord(_ id: String, lock: ContainerLock) -> ContainerRecord {
        var cgroupsPath = ""
        var privatePid = false
        do {
            let spec = try Spec.load(fromJSON: try store.loadConfig(id, in: lock))
            cgroupsPath = spec.linux?.cgroupsPath ?? ""
            privatePid = spec.linux?.namespaces?.contains { $0.type == "pid" && ($0.path ?? "").isEmpty } ?? false
        } catch {
            logger.warning("\(store.config(id)): \(error): the default cgroup path of \(id) is used")
        }
        // The record keeps the cgroupfs form; the config may hold the systemd one.
        if systemdCgroup || (!cgroupsPath.hasPrefix("/") && cgroupsPath.split(separator: ":", omittingEmptySubsequences: false).count == 3) {
            cgroupsPath = (try? SystemdCgroupPath.cgroupfs(cgroupsPath, containerID: id)) ?? cgroupsPath
        }
        return ContainerRecord(ociVersion: "", id: id, pid: 0, initStartTime: 0, bundle: "", rootfs: "",
                               created: "", owner: "", annotations: nil, cgroupsPath: cgroupsPath,
                               privatePidNamespace: privatePid, started: true, poststart: nil, poststop: nil,
                               terminal: false)
    }

    /// Kills every process of the container, removes its cgroup and state, runs poststop.
    /// The caller holds the container's lock.
    func destroy(_ record: ContainerRecord, killFirst: Bool, lock: ContainerLock) throws(StrataError) {
        var manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
        manager.createdDirectories = record.createdCgroupDirectories
        // A killed create's init may be outside the cgroup (not placed yet): kill it by pid.
        // Killing a pid namespace's init kills everything in it.
        if (record.creating || record.privatePidNamespace) && StatusProbe.initAlive(record) {
            _ = Glibc.kill(record.pid, SIGKILL)
        }
        // Until a create made the cgroup, a directory at its path is someone else's: it is
        // only removed when empty, and nothing in it is signalled.
        let owned = record.cgroupMade
        let populated = !((try? manager.isEmpty()) ?? true)
        if owned && (killFirst || populated) {
            try? manager.killAll(signal: SIGKILL)
        }
        waitGone(record, manager: owned ? manager : nil)
        if owned && manager.exists {
            do { try manager.destroy() } catch {
                throw error.within("remove cgroup of container \(record.id)")
            }
        } else if !owned && !populated {
            // A create killed while it made the directories may have made some
            // hierarchies' and not others': each is removed where it exists and is empty.
            try? manager.destroy()
        }
        try store.remove(record.id, lock: lock)
        // A create killed before the clone ran no hook, so there is nothing to undo.
        if let hooks = record.poststop, !hooks.isEmpty, record.pid > 0 || !record.creating {
            for failure in HookRunner.runAllReporting(hooks, kind: "poststop", state: StateView.json(record, status: .stopped)) {
                logger.warning("\(failure.description)")
            }
        }
    }

    /// Waits (up to ~2 s) for the init and the cgroup's processes to be gone, reaping the
    /// init when it is our child (foreground run).
    func waitGone(_ record: ContainerRecord, manager: (any CgroupManager)?) {
        for attempt in 0..<400 {
            if record.pid > 0 { _ = try? Processes.wait(record.pid, options: WNOHANG) }
            let initGone = !StatusProbe.initAlive(record)
            let empty = (try? manager?.isEmpty()) ?? true
            if initGone && empty { return }
            usleep(attempt < 50 ? 1_000 : 5_000)
        }
    }
}
