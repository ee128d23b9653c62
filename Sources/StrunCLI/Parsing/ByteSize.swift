import StrataSystem

/// Sizes as Docker and runc write them: "16m", "1g", "512KiB", "1.5G", or plain bytes;
/// k/m/g/t/p are powers of 1024 (go-units' RAMInBytes, which runc's `update` uses).
enum ByteSize {
    static func parse(_ text: String, flag: String) throws(StrataError) -> Int64 {
        if text == "-1" { return -1 }
        var digits = Substring(text)
        var scale: Double = 1
        var suffix = ""
        while let last = digits.last, last.isLetter {
            suffix = String(last).lowercased() + suffix
            digits = digits.dropLast()
        }
        if digits.last == " " { digits = digits.dropLast() }
        let unit = suffix.first.map(String.init) ?? ""
        let allowedTails: Set<String> = ["", "b", "ib"]
        let tail = String(suffix.dropFirst(unit.isEmpty ? 0 : 1))
        let powers = ["": 0, "b": 0, "k": 1, "m": 2, "g": 3, "t": 4, "p": 5]
        guard let power = powers[unit], unit == "b" ? tail.isEmpty : allowedTails.contains(tail),
              digits.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let number = Double(digits), number >= 0, !digits.isEmpty else {
            throw StrataError.message("invalid value \"\(text)\" for --\(flag): want bytes, optionally with a unit (k, m, g, t, p)")
        }
        for _ in 0..<power { scale *= 1024 }
        let bytes = number * scale
        guard bytes < 9.2e18 else {
            throw StrataError.message("invalid value \"\(text)\" for --\(flag): too large")
        }
        return Int64(bytes)
    }
}
