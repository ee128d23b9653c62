#if canImport(Glibc)
import Glibc
#endif

/// Wall-clock timestamps in runc's format.
public enum Clock {
    /// Now, as RFC 3339 with nanoseconds in UTC (`created` in the state).
    public static func nowRFC3339() -> String {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return ContainerState.timestamp(seconds: Int64(ts.tv_sec), nanoseconds: ts.tv_nsec)
    }
}
