// Serialises JSONOutput to text: Go-compatible escaping, optional tab indentation as runc writes.

extension JSONOutput {
    func text(pretty: Bool) -> String {
        String(decoding: bytes(pretty: pretty), as: UTF8.self)
    }

    func bytes(pretty: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(into: &out, pretty: pretty, depth: 0)
        return out
    }

    private func write(into out: inout [UInt8], pretty: Bool, depth: Int) {
        switch self {
        case .value(let value):
            switch value {
            case .array(let elements):
                JSONOutput.array(elements.map { .value($0) }).write(into: &out, pretty: pretty, depth: depth)
            case .object(let members):
                JSONOutput.sortedObject(members).write(into: &out, pretty: pretty, depth: depth)
            default:
                JSONOutput.writeScalar(value, into: &out)
            }
        case .array(let elements):
            if elements.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONOutput.newline(into: &out, pretty: pretty, depth: depth + 1)
                element.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            JSONOutput.newline(into: &out, pretty: pretty, depth: depth)
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            if members.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(UInt8(ascii: "{"))
            for (index, member) in members.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONOutput.newline(into: &out, pretty: pretty, depth: depth + 1)
                JSONOutput.writeString(member.key, into: &out)
                out.append(UInt8(ascii: ":"))
                if pretty { out.append(UInt8(ascii: " ")) }
                member.value.write(into: &out, pretty: pretty, depth: depth + 1)
            }
            JSONOutput.newline(into: &out, pretty: pretty, depth: depth)
            out.append(UInt8(ascii: "}"))
        }
    }

    private static func newline(into out: inout [UInt8], pretty: Bool, depth: Int) {
        guard pretty else { return }
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<depth { out.append(UInt8(ascii: "\t")) }
    }

    private static func writeScalar(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let v): out.append(contentsOf: (v ? "true" : "false").utf8)
        case .int(let v): out.append(contentsOf: String(v).utf8)
        case .uint(let v): out.append(contentsOf: String(v).utf8)
        case .double(let v):
            // JSON has no NaN or infinity; such a value can only come from code, not from parsing.
            if v.isFinite {
                out.append(contentsOf: v.description.utf8)
            } else {
                out.append(contentsOf: "null".utf8)
            }
        case .string(let v): writeString(v, into: &out)
        case .array, .object: break
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    private static func writeString(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case 0x0a: out.append(contentsOf: "\\n".utf8)
            case 0x0d: out.append(contentsOf: "\\r".utf8)
            case 0x09: out.append(contentsOf: "\\t".utf8)
            case 0x00..<0x20:
                out.append(contentsOf: "\\u00".utf8)
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0xf)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
