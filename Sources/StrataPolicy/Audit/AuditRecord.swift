import StrataSpec

/// How one audit line is laid out.
///
/// A line is a JSON object with sorted keys; `hash` comes last and is the SHA-256 of the
/// line's bytes before `,"hash":`. `prev` is the previous record's `hash` (64 zeros for the
/// first) and `seq` counts from 1, so an edited line breaks its own hash, and a removed
/// line breaks the next record's `prev` and `seq`.
public enum AuditRecord {
    static let hashMarker: [UInt8] = Array(",\"hash\":\"".utf8)

    /// The line (without newline) for `fields` chained after (`seq - 1`, `prev`).
    static func line(_ fields: [String: JSONValue], seq: Int64, prev: String) -> (bytes: [UInt8], hash: String) {
        var object = fields
        object["seq"] = .int(seq)
        object["prev"] = .string(prev)
        object["hash"] = nil
        var body = Array(JSONValue.object(object).jsonText().utf8)
        body.removeLast() // the closing brace; the hash goes in front of it
        let hash = ChainHash.hex(body)
        body.append(contentsOf: hashMarker)
        body.append(contentsOf: hash.utf8)
        body.append(contentsOf: "\"}".utf8)
        return (body, hash)
    }

    /// What a line claims: its seq, prev and hash, and the hash its content really has.
    struct Parsed {
        var seq: Int64?
        var prev: String?
        var hash: String?
        var computed: String?
        var fields: [String: JSONValue]
    }

    static func parse(_ line: ArraySlice<UInt8>) -> Parsed? {
        guard case .object(let fields)? = try? JSONValue(parsing: line) else { return nil }
        var parsed = Parsed(fields: fields)
        if case .int(let s)? = fields["seq"] { parsed.seq = s }
        if case .string(let p)? = fields["prev"] { parsed.prev = p }
        if case .string(let h)? = fields["hash"] { parsed.hash = h }
        if let cut = lastIndex(of: hashMarker, in: line) {
            parsed.computed = ChainHash.hex(line[line.startIndex..<cut])
        }
        return parsed
    }

    /// The seq and hash of a line as written by `line(_:seq:prev:)`, found by scanning
    /// bytes (the writer only needs these two, and parsing the JSON cost more than the rest
    /// of an append); nil when the line does not have that shape.
    static func chainFields(_ line: ArraySlice<UInt8>) -> (seq: Int64, hash: String)? {
        guard let marker = lastIndex(of: hashMarker, in: line) else { return nil }
        let hashStart = marker + hashMarker.count
        guard line.endIndex - hashStart == 66, line[hashStart + 64] == UInt8(ascii: "\""),
              let seqKey = lastIndex(of: Array("\"seq\":".utf8), in: line[..<marker]) else { return nil }
        let hash = line[hashStart..<(hashStart + 64)]
        guard hash.allSatisfy({ (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }) else { return nil }
        let digits = line[(seqKey + 6)...].prefix { (0x30...0x39).contains($0) }
        guard let seq = Int64(String(decoding: digits, as: UTF8.self)) else { return nil }
        return (seq, String(decoding: hash, as: UTF8.self))
    }

    private static func lastIndex(of needle: [UInt8], in hay: ArraySlice<UInt8>) -> Int? {
        guard hay.count >= needle.count else { return nil }
        var i = hay.endIndex - needle.count
        while i >= hay.startIndex {
            if hay[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i -= 1
        }
        return nil
    }
}
