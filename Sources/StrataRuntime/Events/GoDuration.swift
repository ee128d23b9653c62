import StrataSystem

/// Go's time.ParseDuration, for runc's `--interval` (a Go DurationFlag): a sequence of
/// decimal numbers, each with an optional fraction and a unit ("5s", "1.5s", "1m30s",
/// "500ms", "250us"), an optional sign, or a bare "0".
public enum GoDuration {
    /// Nanoseconds per unit, in Go's spelling (µ as U+00B5 or U+03BC).
    static let units: [String: UInt64] = [
        "ns": 1, "us": 1_000, "µs": 1_000, "μs": 1_000, "ms": 1_000_000,
        "s": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// The duration in nanoseconds, or nil when `text` is not a Go duration.
    public static func nanoseconds(_ text: String) -> Int64? {
        var rest = Substring(text)
        var negative = false
        if let sign = rest.first, sign == "-" || sign == "+" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        if rest == "0" { return 0 }
        if rest.isEmpty { return nil }
        var total: UInt64 = 0
        while !rest.isEmpty {
            guard let (value, remainder) = component(rest) else { return nil }
            let (sum, overflow) = total.addingReportingOverflow(value)
            guard !overflow else { return nil }
            total = sum
            rest = remainder
        }
        if negative { return total <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- total) : nil }
        return total <= UInt64(Int64.max) ? Int64(total) : nil
    }

    /// One "NUMBER[.FRACTION]UNIT" at the start of `text`: its nanoseconds and what follows.
    static func component(_ text: Substring) -> (UInt64, Substring)? {
        let whole = text.prefix(while: \.isASCIIDigit)
        var rest = text.dropFirst(whole.count)
        var fraction: Substring = ""
        if rest.first == "." {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: \.isASCIIDigit)
            rest = rest.dropFirst(fraction.count)
        }
        guard !whole.isEmpty || !fraction.isEmpty else { return nil }
        let unitName = rest.prefix(while: { !$0.isASCIIDigit && $0 != "." })
        guard let unit = units[String(unitName)] else { return nil }
        rest = rest.dropFirst(unitName.count)
        guard let integer = whole.isEmpty ? 0 : UInt64(whole) else { return nil }
        var (value, overflow) = integer.multipliedReportingOverflow(by: unit)
        guard !overflow else { return nil }
        // The fraction's digits beyond nanosecond precision cannot matter: Go drops them too.
        var scale: UInt64 = 1
        var digits: UInt64 = 0
        for digit in fraction.prefix(18) {
            digits = digits * 10 + UInt64(digit.asciiValue ?? 48) - 48
            scale *= 10
        }
        let part = (digits.multipliedFullWidth(by: unit))
        let (quotient, _) = scale.dividingFullWidth(part)
        (value, overflow) = value.addingReportingOverflow(quotient)
        return overflow ? nil : (value, rest)
    }

    /// `--interval`'s value in nanoseconds, with runc's wording for a value that is not a
    /// duration and for one that is not positive.
    public static func interval(_ text: String) throws(StrataError) -> Int64 {
        guard let value = nanoseconds(text) else {
            throw StrataError.message("invalid value \"\(text)\" for flag -interval: not a duration (use e.g. 5s, 500ms, 1m)")
        }
        guard value > 0 else { throw StrataError.message("duration interval must be greater than 0") }
        return value
    }
}

private extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
