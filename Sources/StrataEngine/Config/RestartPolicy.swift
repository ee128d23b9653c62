import StrataSystem

/// Docker's restart policies. The monitor applies them; `stop`/`kill` by the user suppress
/// them (Docker's "manually stopped").
public enum RestartPolicy: Codable, Sendable, Equatable, CustomStringConvertible {
    case no
    /// Restart on a non-zero exit, at most `maxRetries` times (0 = no limit).
    case onFailure(maxRetries: Int)
    case always
    case unlessStopped

    /// Parses `no`, `on-failure`, `on-failure:N`, `always`, `unless-stopped`.
    public init(parsing text: String) throws(StrataError) {
        switch text {
        case "no", "": self = .no
        case "always": self = .always
        case "unless-stopped": self = .unlessStopped
        case "on-failure": self = .onFailure(maxRetries: 0)
        default:
            if text.hasPrefix("on-failure:") {
                let count = text.dropFirst("on-failure:".count)
                guard let n = Int(count), n >= 0 else {
                    throw StrataError("parse", "restart policy \"\(text)\"", reason: "the retry count must be a number >= 0")
                }
                self = .onFailure(maxRetries: n)
            } else {
                throw StrataError("parse", "restart policy \"\(text)\"",
                                  reason: "use no, on-failure[:N], always or unless-stopped")
            }
        }
    }

    public var description: String {
        switch self {
        case .no: return "no"
        case .always: return "always"
        case .unlessStopped: return "unless-stopped"
        case .onFailure(let n): return n == 0 ? "on-failure" : "on-failure:\(n)"
        }
    }

    /// Whether a container that exited with `exitCode` after `restarts` restarts goes again.
    /// A manual stop always wins.
    public func shouldRestart(exitCode: Int32, restarts: Int, manuallyStopped: Bool) -> Bool {
        if manuallyStopped { return false }
        switch self {
        case .no: return false
        case .always, .unlessStopped: return true
        case .onFailure(let max): return exitCode != 0 && (max == 0 || restarts < max)
        }
    }
}

/// Docker's restart delay: 100 ms, doubling after each restart, back to 100 ms once a run
/// lasted 10 s; capped at one minute as Docker caps it.
public struct RestartBackoff: Sendable, Equatable {
    public static let initial: Int64 = 100_000_000
    public static let resetAfter: Int64 = 10_000_000_000
    public static let maximum: Int64 = 60_000_000_000
    /// The delay before the next start, in nanoseconds.
    public private(set) var delay: Int64 = 0

    public init() {}

    /// Called after an exit: `uptime` is how long the run lasted. Returns the delay to wait.
    public mutating func next(afterUptime uptime: Int64) -> Int64 {
        if uptime >= Self.resetAfter || delay == 0 {
            delay = Self.initial
        } else {
            delay = min(delay * 2, Self.maximum)
        }
        return delay
    }
}
