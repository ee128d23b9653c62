import StrataSystem
import StrataSpec

/// A new time namespace with the config's clock offsets. The offsets can only be written
/// before any process lives in the namespace, so the caller unshares (which only affects
/// its future children), writes the offsets, then forks.
enum TimeNamespace {
    static func unshareWithOffsets(_ offsets: [String: LinuxTimeOffset]?) throws(StrataError) {
        try Namespaces.unshare(NamespaceKind.time.cloneFlag)
        guard let offsets, !offsets.isEmpty else { return }
        let procfs = try ProcFS.open()
        for (clock, offset) in offsets.sorted(by: { $0.key < $1.key }) {
            guard clock == "monotonic" || clock == "boottime" else {
                throw StrataError("set time offset", "linux.timeOffsets.\(clock)", reason: "unknown clock")
            }
            try procfs.write("self/timens_offsets", "\(clock) \(offset.secs ?? 0) \(offset.nanosecs ?? 0)")
        }
    }
}
