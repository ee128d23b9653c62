/// `--health-*`: a command run inside the container with `exec` by the monitor.
public struct HealthConfig: Codable, Sendable, Equatable {
    /// The argv run by exec (`--health-cmd "X"` becomes `/bin/sh -c X`, as Docker's CMD-SHELL).
    public var test: [String]
    public var intervalNanos: Int64 = 30_000_000_000
    public var timeoutNanos: Int64 = 30_000_000_000
    public var startPeriodNanos: Int64 = 0
    public var retries: Int = 3

    public init(test: [String]) { self.test = test }
}

/// starting, healthy or unhealthy (Docker's words); none when no check is configured.
public enum HealthStatus: String, Codable, Sendable, Equatable {
    case none = ""
    case starting, healthy, unhealthy
}
