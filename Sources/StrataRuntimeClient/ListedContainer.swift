/// One container as a runtime's `list --format json` reports it: enough to find its
/// processes and cgroup. `root` is the state root it was listed under, so two containers
/// with the same id under different roots (Docker's and containerd's) stay apart.
public struct ListedContainer: Sendable, Equatable {
    public var id: String
    /// The init's pid on the host.
    public var pid: Int32
    /// created, running, paused or stopped.
    public var status: String
    public var bundle: String
    public var root: String
    /// The runtime binary whose `list` reported it (its advice names that runtime).
    public var lister: String

    public init(id: String, pid: Int32, status: String, bundle: String, root: String, lister: String = "") {
        self.id = id
        self.pid = pid
        self.status = status
        self.bundle = bundle
        self.root = root
        self.lister = lister
    }

    /// A stopped container has no processes and, after delete, no cgroup: nothing to measure.
    public var isLive: Bool { status != "stopped" && pid > 0 }
}
