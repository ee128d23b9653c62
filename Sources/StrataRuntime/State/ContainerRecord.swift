import StrataSpec

/// What `strun` keeps about a container in `<root>/<id>/state.json`.
///
/// It holds the OCI state fields plus what later commands need without the bundle:
/// the init's start time (to survive pid reuse), the cgroup path and the poststop hooks.
public struct ContainerRecord: Sendable {
    public var ociVersion: String
    public var id: String
    public var pid: Int32
    /// Field 22 of /proc/PID/stat when init started: tells our init from a reused pid.
    public var initStartTime: UInt64
    public var bundle: String
    public var rootfs: String
    /// RFC 3339 with nanoseconds, UTC.
    public var created: String
    public var owner: String
    public var annotations: [String: String]?
    /// The cgroups path given to the cgroup manager (resolved cgroupsPath).
    public var cgroupsPath: String
    /// Cgroup directories `create` made (parents included), so `delete` removes them all.
    public var createdCgroupDirectories: [String] = []
    /// True when the container has its own pid namespace: killing init then kills all.
    public var privatePidNamespace: Bool
    /// True once `start` has run (or the container ran and exited).
    public var started: Bool
    public var poststart: [Hook]?
    public var poststop: [Hook]?
    /// The config's `process.terminal`, kept for `exec` and clients.
    public var terminal: Bool
    /// `linux.resources.memory.checkBeforeUpdate`: `update` refuses a memory limit below
    /// the current usage.
    public var checkMemoryBeforeUpdate = false
    /// `create --no-new-keyring`: the init kept its caller's session keyring, so `exec`
    /// does not join the container's `_ses.<id>` one either (runc's rule).
    public var noNewKeyring = false
    /// True from the moment `create` reserves the id until it commits the container: a
    /// record still marked so when its creator is gone is the debris of a killed create,
    /// which `delete` clears (runc shows such a container as stopped).
    public var creating = false
    /// False while a create has not yet made (or reused) the cgroup at `cgroupsPath`: the
    /// directory there, if any, is not this container's to empty.
    public var cgroupMade = true
}
