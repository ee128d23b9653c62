import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// The health-check schedule and verdicts of one container run (Docker's rules): the first
/// check one interval after the start, then every interval; a check that outlives its
/// timeout is killed and fails; failures inside the start period do not count, a success
/// there makes it healthy; `retries` failures in a row make it unhealthy.
struct HealthChecker {
    let config: HealthConfig
    let startedAt: Int64
    var nextCheck: Int64
    /// The running check: its pid and when it began.
    var running: (pid: pid_t, since: Int64)? { didSet { killSent = false } }
    /// The running check outlived its timeout and was sent SIGKILL.
    var killSent = false
    var status: HealthStatus = .starting
    var streak = 0

    init(config: HealthConfig, startedAt: Int64) {
        self.config = config
        self.startedAt = startedAt
        self.nextCheck = startedAt + config.intervalNanos
    }

    /// Nanoseconds until something is due (a check to start or a timeout), for poll.
    func timeUntilDue(now: Int64) -> Int64 {
        if let running { return killSent ? 100_000_000 : max(0, running.since + config.timeoutNanos - now) }
        return max(0, nextCheck - now)
    }

    func shouldStart(now: Int64) -> Bool { running == nil && now >= nextCheck }

    func timedOut(now: Int64) -> Bool {
        guard let running else { return false }
        return now - running.since >= config.timeoutNanos
    }

    /// Records a finished check; returns true when the status changed.
    mutating func finish(passed: Bool, now: Int64) -> Bool {
        running = nil
        nextCheck = now + config.intervalNanos
        let before = status
        if passed {
            streak = 0
            status = .healthy
        } else if now - startedAt >= config.startPeriodNanos {
            streak += 1
            if streak >= config.retries { status = .unhealthy }
        }
        return status != before
    }
}
