import StrataSpec
import StrataCgroups
import StrataSystem

/// The OCI state of a container as `state`, `list` and hooks show it.
enum StateView {
    static func state(_ record: ContainerRecord, status: ContainerStatus) -> ContainerState {
        var state = ContainerState(ociVersion: record.ociVersion, id: record.id,
                                   pid: status == .stopped ? 0 : Int(record.pid), status: status,
                                   bundle: record.bundle, annotations: record.annotations)
        state.rootfs = record.rootfs
        state.created = record.created
        state.owner = record.owner
        return state
    }

    static func json(_ record: ContainerRecord, status: ContainerStatus) -> [UInt8] {
        state(record, status: status).jsonBytes()
    }
}

extension Runtime {
    /// The live status: the record, checked against the process and the freezer.
    /// `locked`: the caller holds the container's lock.
    func status(of record: ContainerRecord, locked: Bool = false) -> ContainerStatus {
        StatusProbe.status(of: record, store: store, lockHeld: locked) {
            guard let manager = try? CgroupSetup.manager(path: record.cgroupsPath, id: record.id) else { return false }
            return (try? manager.freezerState()) == .frozen
        }
    }

    /// `strun state ID`.
    public func state(id: String) throws(StrataError) -> ContainerState {
        try ContainerID.validate(id)
        let record = try store.load(id)
        return StateView.state(record, status: status(of: record))
    }

    /// `strun list`: every container with its live status.
    public func list() -> [ContainerState] {
        store.ids().compactMap { id in
            guard let record = try? store.load(id) else { return nil }
            return StateView.state(record, status: status(of: record))
        }
    }
}
