import StrataSystem

/// Value conversions between the OCI (v1-shaped) resource model and v2 files, following
/// runc's arithmetic so a container gets the same limits under either runtime.
public enum CgroupConversions {
    /// v1 cpu.shares (2...262144) to v2 cpu.weight (1...10000), mapping the ends of one
    /// range onto the ends of the other. 0 means unset and stays 0.
    public static func cpuWeight(fromShares shares: UInt64) -> UInt64 {
        if shares == 0 { return 0 }
        let clamped = min(max(shares, 2), 262_144)
        return 1 + ((clamped - 2) * 9999) / 262_142
    }

    /// v1 blkio.weight (10...1000) to v2 io.weight (1...10000). 0 means unset.
    public static func ioWeight(fromBlkioWeight weight: UInt16) -> UInt64 {
        if weight == 0 { return 0 }
        let clamped = UInt64(min(max(weight, 10), 1000))
        return 1 + ((clamped - 10) * 9999) / 990
    }

    /// The value for v2 memory.swap.max, which counts swap alone, from OCI's memory+swap.
    /// Returns nil when nothing should be written, -1 for "max".
    ///
    /// An unlimited memory with no swap given means both unlimited, as v1 behaves.
    public static func swapMax(swap: Int64?, memory: Int64?) throws(StrataError) -> Int64? {
        let memoryValue = memory ?? 0
        guard let swap, swap != 0 else {
            return memoryValue == -1 ? -1 : nil
        }
        if swap == -1 { return -1 }
        guard memoryValue > 0 else {
            throw StrataError("set memory swap", String(swap), reason: "a swap limit needs a memory limit")
        }
        guard swap >= memoryValue else {
            throw StrataError("set memory swap", String(swap),
                              reason: "memory+swap limit must be at least the memory limit \(memoryValue)")
        }
        return swap - memoryValue
    }

    /// v2 cpu.max text: "QUOTA PERIOD" or "max PERIOD"; without a period the kernel keeps
    /// the current one. nil when neither is set.
    public static func cpuMax(quota: Int64?, period: UInt64?) -> String? {
        if quota == nil && (period ?? 0) == 0 { return nil }
        var text = "max"
        if let quota, quota > 0 { text = String(quota) }
        if let period, period > 0 { text += " " + String(period) }
        return text
    }

    /// v2 spells "unlimited" as "max" where v1 takes -1.
    static func v2Limit(_ value: Int64) -> String { value < 0 ? "max" : String(value) }
}
