/// Human-readable sizes the way `docker stats` prints them: binary units for memory
/// (MiB), decimal for transferred bytes (MB), two or three significant digits.
public enum Units {
    public static func binary(_ bytes: UInt64) -> String {
        scaled(Double(bytes), base: 1024, units: ["B", "KiB", "MiB", "GiB", "TiB", "PiB"])
    }

    public static func decimal(_ bytes: UInt64) -> String {
        scaled(Double(bytes), base: 1000, units: ["B", "kB", "MB", "GB", "TB", "PB"])
    }

    /// Decimal bytes per second ("9.8MB/s").
    public static func rate(_ bytesPerSecond: Double) -> String {
        scaled(bytesPerSecond, base: 1000, units: ["B", "kB", "MB", "GB", "TB", "PB"]) + "/s"
    }

    /// A percentage with two decimals ("12.34%").
    public static func percent(_ value: Double) -> String { fixed(value, decimals: 2) + "%" }

    public static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "--" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        let whole = UInt64(rounded / scale)
        let fraction = UInt64(rounded) - whole * UInt64(scale)
        let sign = value < 0 && rounded > 0 ? "-" : ""
        guard decimals > 0 else { return sign + String(whole) }
        let digits = String(fraction)
        return sign + String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
    }

    static func scaled(_ value: Double, base: Double, units: [String]) -> String {
        var value = value
        var unit = 0
        while value >= base && unit < units.count - 1 {
            value /= base
            unit += 1
        }
        let decimals = unit == 0 ? 0 : (value >= 100 ? 1 : (value >= 10 ? 2 : 3))
        return trimZeros(fixed(value, decimals: decimals)) + units[unit]
    }

    /// "16.00" -> "16", "1.500" -> "1.5".
    static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var out = Substring(text)
        while out.hasSuffix("0") { out = out.dropLast() }
        if out.hasSuffix(".") { out = out.dropLast() }
        return String(out)
    }
}
