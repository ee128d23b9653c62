/// A streaming JSON writer that produces what Go's encoding/json produces: members in
/// the order written, no spaces, integers exact (UInt64 never passes through a Double),
/// and Go's string escaping, including `<`, `>`, `&`, U+2028 and U+2029. Clients compare
/// runc's output byte for byte often enough that the small differences matter.
public struct GoJSONWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// One entry per open object or array: whether a member was already written.
    private var written: [Bool] = []
    /// True right after a key, so the value that follows takes no comma.
    private var afterKey = false

    public init() {}

    public mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        written.append(false)
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        written.removeLast()
    }

    public mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        written.append(false)
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        written.removeLast()
    }

    public mutating func key(_ name: String) {
        separate()
        Self.appendString(name, to: &bytes)
        bytes.append(UInt8(ascii: ":"))
        afterKey = true
    }

    public mutating func value(_ number: UInt64) {
        separate()
        bytes.append(contentsOf: String(number).utf8)
    }

    public mutating func value(_ number: Int64) {
        separate()
        bytes.append(contentsOf: String(number).utf8)
    }

    public mutating func value(_ text: String) {
        separate()
        Self.appendString(text, to: &bytes)
    }

    public mutating func null() {
        separate()
        bytes.append(contentsOf: "null".utf8)
    }

    /// `"name":number`, left out when zero and `omitEmpty` (Go's `omitempty`).
    public mutating func field(_ name: String, _ number: UInt64, omitEmpty: Bool = false) {
        if omitEmpty && number == 0 { return }
        key(name)
        value(number)
    }

    /// `"name":"text"`, left out when empty and `omitEmpty`.
    public mutating func field(_ name: String, _ text: String, omitEmpty: Bool = false) {
        if omitEmpty && text.isEmpty { return }
        key(name)
        value(text)
    }

    /// A comma before every member but the first of its container.
    private mutating func separate() {
        if afterKey {
            afterKey = false
            return
        }
        guard let last = written.indices.last else { return }
        if written[last] { bytes.append(UInt8(ascii: ",")) }
        written[last] = true
    }

    /// `text` as a JSON string the way Go's encoder escapes it.
    public static func appendString(_ text: String, to out: inout [UInt8]) {
        let hex: [UInt8] = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x22: out.append(contentsOf: "\\\"".utf8)
            case 0x5C: out.append(contentsOf: "\\\\".utf8)
            case 0x0A: out.append(contentsOf: "\\n".utf8)
            case 0x0D: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            // Go escapes HTML-significant characters and the JavaScript line separators.
            case 0x00..<0x20, 0x3C, 0x3E, 0x26, 0x2028, 0x2029:
                let v = scalar.value
                out.append(contentsOf: "\\u".utf8)
                for shift in stride(from: 12, through: 0, by: -4) {
                    out.append(hex[Int((v >> UInt32(shift)) & 0xF)])
                }
            default:
                out.append(contentsOf: String(scalar).utf8)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
