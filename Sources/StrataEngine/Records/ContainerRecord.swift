import GRDB

/// The life state of an engine container, as `ps` shows it.
public enum LifeState: String, Codable, Sendable, Equatable {
    /// Recorded and bundled, never started (or `create` only).
    case created
    /// The monitor is starting it (between `start` and the runtime's start).
    case starting
    case running
    /// Waiting out the restart backoff.
    case restarting
    /// Exited for good (until the next `start`).
    case exited

    /// States in which a live monitor must own the container: without one, reconcile acts.
    public var needsMonitor: Bool { self == .starting || self == .running || self == .restarting }
}

/// One container's row: identity, the config it was made with, and what the monitor last
/// recorded. Every field the monitor writes is written in one transaction with its peers.
public struct ContainerRecord: Codable, Sendable, Equatable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "container"

    /// 64 hex digits, as Docker's.
    public var id: String
    public var name: String
    public var config: ContainerConfig
    /// Seconds since the epoch (fractional).
    public var createdAt: Double
    public var state: LifeState
    /// The container's init on the host while running, else 0.
    public var pid: Int32 = 0
    /// The monitor process and its start time (from /proc/PID/stat), to tell it from a reused pid.
    public var monitorPid: Int32 = 0
    public var startedAt: Double?
    public var finishedAt: Double?
    public var exitCode: Int32?
    /// Restarts by the policy since the last manual start.
    public var restartCount: Int = 0
    /// Set by `stop`/`kill`: the restart policy must not bring it back (Docker's manual stop).
    public var stopRequested: Bool = false
    public var health: HealthStatus = .none
    public var healthFailingStreak: Int = 0
    /// The last health check's output (trimmed), for `inspect`.
    public var healthLog: String = ""
    /// Why the last start or the monitor failed, if it did.
    public var error: String = ""

    public init(id: String, name: String, config: ContainerConfig, createdAt: Double) {
        self.id = id
        self.name = name
        self.config = config
        self.createdAt = createdAt
        self.state = .created
    }

    public var shortID: String { String(id.prefix(12)) }
}
