import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// The machine's size: what "unlimited" means for a container.
public struct HostInfo: Sendable, Equatable {
    public var onlineCPUs: Int
    /// MemTotal of /proc/meminfo, bytes.
    public var memoryTotal: UInt64

    public init(onlineCPUs: Int, memoryTotal: UInt64) {
        self.onlineCPUs = onlineCPUs
        self.memoryTotal = memoryTotal
    }

    public static func current() -> HostInfo {
        HostInfo(onlineCPUs: max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))),
                 memoryTotal: (try? Files.readText("/proc/meminfo")).flatMap(memTotal) ?? 0)
    }

    /// "MemTotal:  16384 kB" in bytes.
    static func memTotal(_ meminfo: String) -> UInt64? {
        for line in meminfo.split(separator: "\n") where line.hasPrefix("MemTotal:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kb = UInt64(fields[1]) else { return nil }
            return kb * 1024
        }
        return nil
    }
}
