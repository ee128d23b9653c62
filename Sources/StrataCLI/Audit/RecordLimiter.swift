/// Bounds what one container can make the monitor write: per container and per second,
/// the first `perWindow` notifications are recorded one by one, the rest only counted,
/// and each count becomes one summary record when the window closes. Answers are never
/// limited, only records.
struct RecordLimiter {
    let perWindow: Int
    let window: Double

    private struct Bucket {
        var start: Double
        var recorded = 0
        /// "syscall decision" -> how many were not recorded.
        var suppressed: [String: Int] = [:]
    }

    private var buckets: [String: Bucket] = [:]

    init(perWindow: Int = 50, window: Double = 1) {
        self.perWindow = perWindow
        self.window = window
    }

    /// Whether this notification gets its own record; counts it otherwise.
    mutating func admit(container: String, key: String, now: Double) -> Bool {
        var bucket = buckets[container] ?? Bucket(start: now)
        if now - bucket.start >= window && bucket.suppressed.isEmpty {
            bucket = Bucket(start: now)
        }
        defer { buckets[container] = bucket }
        if bucket.recorded < perWindow {
            bucket.recorded += 1
            return true
        }
        bucket.suppressed[key, default: 0] += 1
        return false
    }

    /// The counts of every window that has closed: (container, "syscall decision", count).
    mutating func closedWindows(now: Double) -> [(container: String, key: String, count: Int)] {
        var out: [(String, String, Int)] = []
        for (container, bucket) in buckets where now - bucket.start >= window {
            for (key, count) in bucket.suppressed.sorted(by: { $0.key < $1.key }) { out.append((container, key, count)) }
            buckets[container] = nil
        }
        return out
    }
}
