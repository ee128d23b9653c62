/// A strict RFC 8259 pull reader over UTF-8 bytes.
///
/// The model types decode straight from the byte stream, member by member, with no intermediate
/// tree: `config.json` is decoded on every container start, and building dictionaries for every
/// object (hashing each key) cost more than the rest of decoding together. Only values a type does
/// not know are materialised as `JSONValue`, to be kept in `unknownFields`.
/// Malformed input is reported by line and column.
struct JSONReader {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// Deep enough for any real document, shallow enough that recursion cannot exhaust the stack.
    private static let maxDepth = 512

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Runs `body` over a reader of `input`, then insists nothing but whitespace follows.
    static func read<T>(
        _ input: some Collection<UInt8>,
        _ body: (inout JSONReader) throws(SpecError) -> T
    ) throws(SpecError) -> T {
        let result: Result<T, SpecError>? = input.withContiguousStorageIfAvailable { buffer in
            Result { () throws(SpecError) -> T in try readBuffer(buffer, body) }
        }
        if let result { return try result.get() }
        let copy = Array(input)
        return try copy.withUnsafeBufferPointer { buffer throws(SpecError) -> T in
            try readBuffer(buffer, body)
        }
    }

    private static func readBuffer<T>(
        _ buffer: UnsafeBufferPointer<UInt8>,
        _ body: (inout JSONReader) throws(SpecError) -> T
    ) throws(SpecError) -> T {
        var reader = JSONReader(bytes: buffer)
        let value = try body(&reader)
        reader.skipWhitespace()
        if reader.index < buffer.count {
            throw reader.error("unexpected \(reader.describeCurrent()) after the top-level value")
        }
        return value
    }

    /// Parses a whole document into a `JSONValue`.
    static func parse(_ input: some Collection<UInt8>) throws(SpecError) -> JSONValue {
        try read(input) { (reader: inout JSONReader) throws(SpecError) -> JSONValue in try reader.readValue() }
    }

    // MARK: - Pull interface for the model types

    /// The JSON type of the next value, for type-mismatch messages.
    mutating func peekKindName() -> String {
        skipWhitespace()
        guard index < bytes.count else { return "end of input" }
        switch bytes[index] {
        case UInt8(ascii: "{"): return "object"
        case UInt8(ascii: "["): return "array"
        case UInt8(ascii: "\""): return "string"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "boolean"
        case UInt8(ascii: "n"): return "null"
        default: return "number"
        }
    }

    private mutating func mismatch(_ expected: String) -> SpecError {
        SpecError(kind: .type, reason: "expected \(expected), got \(peekKindName())")
    }

    private mutating func next(is byte: UInt8) -> Bool {
        skipWhitespace()
        return index < bytes.count && bytes[index] == byte
    }

    /// Consumes a `null` if one comes next.
    mutating func readNull() throws(SpecError) -> Bool {
        guard next(is: UInt8(ascii: "n")) else { return false }
        try expectLiteral("null")
        return true
    }

    mutating func readString() throws(SpecError) -> String {
        guard next(is: UInt8(ascii: "\"")) else { throw mismatch("a string") }
        return try parseString()
    }

    mutating func readBool() throws(SpecError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw mismatch("a boolean") }
        switch bytes[index] {
        case UInt8(ascii: "t"): try expectLiteral("true"); return true
        case UInt8(ascii: "f"): try expectLiteral("false"); return false
        default: throw mismatch("a boolean")
        }
    }

    /// Reads a number as `.int`, `.uint` or `.double`.
    mutating func readNumber() throws(SpecError) -> JSONValue {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "-") || isDigit(bytes[index]) else {
            throw mismatch("a number")
        }
        return try parseNumber()
    }

    /// Progress through one object's members.
    struct ObjectCursor {
        fileprivate var first = true
    }

    /// Enters an object; iterate its members with `nextKey(in:)`.
    mutating func beginObject() throws(SpecError) -> ObjectCursor {
        guard next(is: UInt8(ascii: "{")) else { throw mismatch("an object") }
        try enter()
        index += 1
        return ObjectCursor()
    }

    /// The next member name, positioned before its value; nil once the object is closed.
    mutating func nextKey(in cursor: inout ObjectCursor) throws(SpecError) -> String? {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of input, expected ',' or '}'") }
        if bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return nil
        }
        if !cursor.first {
            guard bytes[index] == UInt8(ascii: ",") else {
                throw error("unexpected \(describeCurrent()), expected ',' or '}' after object member")
            }
            index += 1
            skipWhitespace()
        }
        cursor.first = false
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw error("unexpected \(describeCurrent()), expected a member name in quotes")
        }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw error("unexpected \(describeCurrent()), expected ':' after member name \"\(key)\"")
        }
        index += 1
        return key
    }

    /// Progress through one array's elements.
    struct ArrayCursor {
        fileprivate var first = true
    }

    /// Enters an array; iterate its elements with `nextElement(in:)`.
    mutating func beginArray() throws(SpecError) -> ArrayCursor {
        guard next(is: UInt8(ascii: "[")) else { throw mismatch("an array") }
        try enter()
        index += 1
        return ArrayCursor()
    }

    /// Whether another element follows, positioned before it; false once the array is closed.
    mutating func nextElement(in cursor: inout ArrayCursor) throws(SpecError) -> Bool {
        skipWhitespace()
        guard index < bytes.count else { throw error("unexpected end of input, expected ',' or ']'") }
        if bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return false
        }
        if !cursor.first {
            guard bytes[index] == UInt8(ascii: ",") else {
                throw error("unexpected \(describeCurrent()), expected ',' or ']' after array element")
            }
            index += 1
            skipWhitespace()
            // A trailing comma is not JSON; say so here rather than as a type error later.
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                throw error("unexpected character ']', expected a value")
            }
        }
        cursor.first = false
        return true
    }

    /// Reads any value into a tree, as kept for unknown members.
    mutating func readValue() throws(SpecError) -> JSONValue {
        skipWhitespace()
        return try parseValue()
    }

    // MARK: - Errors

    private func error(_ reason: String, at offset: Int? = nil) -> SpecError {
        let position = min(offset ?? index, bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<position where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        let column = position - lineStart + 1
        return SpecError(kind: .syntax, reason: "invalid json at line \(line), column \(column) (byte \(position)): \(reason)")
    }

    private func describeCurrent() -> String {
        guard index < bytes.count else { return "end of input" }
        let byte = bytes[index]
        if byte >= 0x20 && byte < 0x7f { return "character '\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16)
    }

    // MARK: - Values

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0a, 0x0d, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws(SpecError) -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of input, expected a value") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try expectLiteral("true"); return .bool(true)
        case UInt8(ascii: "f"): try expectLiteral("false"); return .bool(false)
        case UInt8(ascii: "n"): try expectLiteral("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        default: throw error("unexpected \(describeCurrent()), expected a value")
        }
    }

    private mutating func expectLiteral(_ literal: StaticString) throws(SpecError) {
        let start = index
        let count = literal.utf8CodeUnitCount
        guard bytes.count - index >= count else { throw error("invalid literal, expected \(literal)", at: start) }
        let matches = literal.withUTF8Buffer { expected in
            for i in 0..<count where bytes[index + i] != expected[i] { return false }
            return true
        }
        guard matches else { throw error("invalid literal, expected \(literal)", at: start) }
        index += count
    }

    private mutating func enter() throws(SpecError) {
        depth += 1
        if depth > Self.maxDepth { throw error("nesting deeper than \(Self.maxDepth) levels") }
    }

    private mutating func parseObject() throws(SpecError) -> JSONValue {
        try enter()
        index += 1
        var object: [String: JSONValue] = [:]
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
            index += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw error("unexpected \(describeCurrent()), expected a member name in quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
                throw error("unexpected \(describeCurrent()), expected ':' after member name \"\(key)\"")
            }
            index += 1
            skipWhitespace()
            object[key] = try parseValue()
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input, expected ',' or '}'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "}") { index += 1; break }
            throw error("unexpected \(describeCurrent()), expected ',' or '}' after object member")
        }
        depth -= 1
        return .object(object)
    }

    private mutating func parseArray() throws(SpecError) -> JSONValue {
        try enter()
        index += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
            index += 1
            depth -= 1
            return .array(elements)
        }
        while true {
            skipWhitespace()
            elements.append(try parseValue())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of input, expected ',' or ']'") }
            if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
            if bytes[index] == UInt8(ascii: "]") { index += 1; break }
            throw error("unexpected \(describeCurrent()), expected ',' or ']' after array element")
        }
        depth -= 1
        return .array(elements)
    }

    // MARK: - Strings

    private mutating func parseString() throws(SpecError) -> String {
        let start = index
        index += 1
        let contentStart = index
        // Fast path: most strings have no escapes and can be decoded straight from the input.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[contentStart..<index])
                index += 1
                return String(decoding: slice, as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") { break }
            if byte < 0x20 { throw error("control character 0x\(String(byte, radix: 16)) in string") }
            index += 1
        }
        guard index < bytes.count else { throw error("unterminated string", at: start) }
        var buffer = Array(bytes[contentStart..<index])
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            }
            if byte < 0x20 { throw error("control character 0x\(String(byte, radix: 16)) in string") }
            if byte != UInt8(ascii: "\\") {
                buffer.append(byte)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let escape = bytes[index]
            index += 1
            switch escape {
            case UInt8(ascii: "\""): buffer.append(0x22)
            case UInt8(ascii: "\\"): buffer.append(0x5c)
            case UInt8(ascii: "/"): buffer.append(0x2f)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0c)
            case UInt8(ascii: "n"): buffer.append(0x0a)
            case UInt8(ascii: "r"): buffer.append(0x0d)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                let scalar = try parseUnicodeEscape()
                appendUTF8(scalar, to: &buffer)
            default:
                throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))' in string", at: index - 2)
            }
        }
        throw error("unterminated string", at: start)
    }

    private mutating func parseHex4() throws(SpecError) -> UInt32 {
        guard bytes.count - index >= 4 else { throw error("truncated \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Decodes `\uXXXX` (the `\u` already consumed), joining surrogate pairs;
    /// a lone surrogate becomes U+FFFD, as Go's decoder does.
    private mutating func parseUnicodeEscape() throws(SpecError) -> Unicode.Scalar {
        let replacement = Unicode.Scalar(0xFFFD as UInt32) ?? "?"
        let first = try parseHex4()
        if (0xD800..<0xDC00).contains(first) {
            if bytes.count - index >= 6, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u") {
                let save = index
                index += 2
                let second = try parseHex4()
                if (0xDC00..<0xE000).contains(second) {
                    let combined = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    return Unicode.Scalar(combined) ?? replacement
                }
                index = save
            }
            return replacement
        }
        return Unicode.Scalar(first) ?? replacement
    }

    private func appendUTF8(_ scalar: Unicode.Scalar, to buffer: inout [UInt8]) {
        for unit in UTF8.encode(scalar) ?? UTF8.EncodedScalar() { buffer.append(unit) }
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(SpecError) -> JSONValue {
        let start = index
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number, expected a digit", at: index) }
        var magnitude: UInt64 = 0
        var overflow = false
        if bytes[index] == UInt8(ascii: "0") {
            index += 1
            if index < bytes.count, isDigit(bytes[index]) { throw error("invalid number, leading zero", at: start) }
        } else {
            while index < bytes.count, isDigit(bytes[index]) {
                let digit = UInt64(bytes[index] - UInt8(ascii: "0"))
                let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (sum, o2) = times10.addingReportingOverflow(digit)
                if o1 || o2 { overflow = true }
                magnitude = sum
                index += 1
            }
        }
        var isInteger = true
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number, expected a digit after '.'") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            isInteger = false
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
            guard index < bytes.count, isDigit(bytes[index]) else { throw error("invalid number, expected a digit in exponent") }
            while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        }
        if isInteger && !overflow {
            if !negative {
                if magnitude <= UInt64(Int64.max) { return .int(Int64(magnitude)) }
                return .uint(magnitude)
            }
            if magnitude <= UInt64(Int64.max) { return .int(-Int64(magnitude)) }
            if magnitude == UInt64(Int64.max) + 1 { return .int(Int64.min) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { throw error("number \(text) out of range", at: start) }
        return .double(value)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
