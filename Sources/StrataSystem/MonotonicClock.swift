#if canImport(Glibc)
import Glibc
#endif

/// CLOCK_MONOTONIC: deadlines, intervals and sample times, which must not move when the
/// wall clock is set.
public enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point (boot).
    public static func nanoseconds() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Int64(ts.tv_sec) &* 1_000_000_000 &+ Int64(ts.tv_nsec)
    }
}
