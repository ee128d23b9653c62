import StrataSystem

/// Docker's duration and size words.
public enum Units {
    /// "30s", "1m30s", "500ms", "2h", "1.5s"; a bare number is seconds. Returns nanoseconds.
    public static func duration(_ text: String, flag: String) throws(StrataError) -> Int64 {
        if let seconds = Double(text), seconds >= 0 { return Int64(seconds * 1e9) }
        let units: [(String, Double)] = [("ms", 1e6), ("us", 1e3), ("ns", 1), ("h", 3600e9), ("m", 60e9), ("s", 1e9)]
        var rest = Substring(text)
        var total = 0.0
        guard !rest.isEmpty else { throw badDuration(text, flag) }
        while !rest.isEmpty {
            let number = rest.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty, let value = Double(number) else { throw badDuration(text, flag) }
            rest = rest.dropFirst(number.count)
            guard let unit = units.first(where: { rest.hasPrefix($0.0) }) else { throw badDuration(text, flag) }
            rest = rest.dropFirst(unit.0.count)
            total += value * unit.1
        }
        return Int64(total)
    }

    static func badDuration(_ text: String, _ flag: String) -> StrataError {
        StrataError("parse", "\(flag) \"\(text)\"", reason: "not a duration (use e.g. 500ms, 30s, 1m30s)")
    }

    /// "64m", "1g", "512k", "1048576", "64MiB", "64mb": bytes (binary multiples, as Docker).
    public static func bytes(_ text: String, flag: String) throws(StrataError) -> Int64 {
        let lower = text.lowercased()
        let digits = lower.prefix { $0.isNumber || $0 == "." }
        var suffix = lower.dropFirst(digits.count)
        if suffix.hasSuffix("ib") { suffix = suffix.dropLast(2) } else if suffix.hasSuffix("b") && suffix.count == 2 { suffix = suffix.dropLast() } else if suffix == "b" { suffix = "" }
        let scale: Double
        switch suffix {
        case "": scale = 1
        case "k": scale = 1024
        case "m": scale = 1024 * 1024
        case "g": scale = 1024 * 1024 * 1024
        case "t": scale = 1024 * 1024 * 1024 * 1024
        default: throw StrataError("parse", "\(flag) \"\(text)\"", reason: "not a size (use e.g. 64m, 1g)")
        }
        guard let value = Double(digits), value > 0 else {
            throw StrataError("parse", "\(flag) \"\(text)\"", reason: "not a size above zero (use e.g. 64m, 1g)")
        }
        return Int64(value * scale)
    }
}
