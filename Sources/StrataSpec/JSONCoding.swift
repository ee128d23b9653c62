// The mapping between JSON trees and the model types.
//
// Every model type decodes by reading its JSON object once, straight from the bytes, switching
// on member names; a name it does not know has its value read as a `JSONValue` into
// `unknownFields`. This single pass is what keeps unknown-field capture free: there is no
// intermediate tree, no second container, no key list to diff, and nothing extra is allocated
// when a document has no unknown members.

/// A type that can be read from a JSON stream.
protocol JSONDecodable {
    init(reader: inout JSONReader) throws(SpecError)
}

/// A type that can describe itself as ordered JSON output.
protocol JSONEncodable {
    var jsonOutput: JSONOutput { get }
}

typealias JSONCodable = JSONDecodable & JSONEncodable

extension JSONReader {
    /// Decodes the value of member `key`; `null` reads as absent, as Go's decoder treats it.
    mutating func decode<T: JSONDecodable>(_ key: String) throws(SpecError) -> T? {
        do {
            if try readNull() { return nil }
            return try T(reader: &self)
        } catch {
            throw error.under(key: key)
        }
    }

    /// Decodes a whole document.
    static func decodeDocument<T: JSONDecodable>(_ type: T.Type, from bytes: some Collection<UInt8>) throws(SpecError) -> T {
        try read(bytes) { (reader: inout JSONReader) throws(SpecError) -> T in try T(reader: &reader) }
    }
}

// MARK: - Writing

/// JSON output with object members in a chosen order, so encoded documents read like runc's.
indirect enum JSONOutput: Encodable {
    case value(JSONValue)
    case array([JSONOutput])
    case object([(key: String, value: JSONOutput)])

    func encode(to encoder: any Encoder) throws {
        switch self {
        case .value(let value):
            switch value {
            case .null:
                var container = encoder.singleValueContainer()
                try container.encodeNil()
            case .bool(let v):
                var container = encoder.singleValueContainer()
                try container.encode(v)
            case .int(let v):
                var container = encoder.singleValueContainer()
                try container.encode(v)
            case .uint(let v):
                var container = encoder.singleValueContainer()
                try container.encode(v)
            case .double(let v):
                var container = encoder.singleValueContainer()
                try container.encode(v)
            case .string(let v):
                var container = encoder.singleValueContainer()
                try container.encode(v)
            case .array(let elements):
                try JSONOutput.array(elements.map { .value($0) }).encode(to: encoder)
            case .object(let members):
                try JSONOutput.sortedObject(members).encode(to: encoder)
            }
        case .array(let elements):
            var container = encoder.unkeyedContainer()
            for element in elements { try container.encode(element) }
        case .object(let members):
            var container = encoder.container(keyedBy: AnyCodingKey.self)
            for member in members { try container.encode(member.value, forKey: AnyCodingKey(member.key)) }
        }
    }

    static func sortedObject(_ members: [String: JSONValue]) -> JSONOutput {
        .object(members.sorted { $0.key < $1.key }.map { (key: $0.key, value: .value($0.value)) })
    }

    /// Converts to an unordered `JSONValue`.
    var jsonValue: JSONValue {
        switch self {
        case .value(let value): return value
        case .array(let elements): return .array(elements.map(\.jsonValue))
        case .object(let members):
            var object: [String: JSONValue] = [:]
            for member in members { object[member.key] = member.value.jsonValue }
            return .object(object)
        }
    }
}

/// Collects an object's members in order.
struct ObjectWriter {
    private(set) var members: [(key: String, value: JSONOutput)] = []

    mutating func add<T: JSONEncodable>(_ key: String, _ value: T) {
        members.append((key, value.jsonOutput))
    }

    /// Omits `nil`, like Go's `omitempty` on a pointer.
    mutating func add<T: JSONEncodable>(_ key: String, _ value: T?) {
        if let value { members.append((key, value.jsonOutput)) }
    }

    /// Appends unknown members after the known ones, sorted for stable output; a name that
    /// a known field already wrote is skipped so the output never holds a key twice.
    mutating func addUnknown(_ fields: [String: JSONValue]) {
        guard !fields.isEmpty else { return }
        for (key, value) in fields.sorted(by: { $0.key < $1.key }) where !members.contains(where: { $0.key == key }) {
            members.append((key, .value(value)))
        }
    }

    var output: JSONOutput { .object(members) }
}

// MARK: - Codable bridge

/// Decodes a model type through any `Decoder` by way of `JSONValue` and JSON text: the
/// `Decoder` path is for interoperability, not speed, and this keeps a single decoding path.
func decodeModel<T: JSONDecodable>(_ type: T.Type, from decoder: any Decoder) throws -> T {
    let value = try JSONValue(from: decoder)
    do {
        return try JSONReader.decodeDocument(T.self, from: JSONOutput.value(value).bytes(pretty: false))
    } catch {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
    }
}

// MARK: - Scalars and collections

extension JSONValue: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) { self = try reader.readValue() }
    var jsonOutput: JSONOutput { .value(self) }
}

extension String: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) { self = try reader.readString() }
    var jsonOutput: JSONOutput { .value(.string(self)) }
}

extension Bool: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) { self = try reader.readBool() }
    var jsonOutput: JSONOutput { .value(.bool(self)) }
}

extension FixedWidthInteger {
    /// Exact integer conversion; Go rejects fractions and out-of-range values, so do we.
    init(exactJSON json: JSONValue) throws(SpecError) {
        let converted: Self?
        switch json {
        case .int(let value): converted = Self(exactly: value)
        case .uint(let value): converted = Self(exactly: value)
        case .double(let value):
            throw SpecError(kind: .type, reason: "expected an integer, got \(value)")
        default:
            throw SpecError(kind: .type, reason: "expected a number, got \(json.kindName)")
        }
        guard let converted else {
            let text: String
            switch json {
            case .int(let v): text = String(v)
            case .uint(let v): text = String(v)
            default: text = "value"
            }
            throw SpecError(kind: .type, reason: "number \(text) out of range for \(Self.isSigned ? "int" : "uint")\(Self.bitWidth)")
        }
        self = converted
    }

    var integerJSON: JSONOutput {
        if Self.isSigned {
            return .value(.int(Int64(truncatingIfNeeded: self)))
        }
        if let small = Int64(exactly: self) { return .value(.int(small)) }
        return .value(.uint(UInt64(truncatingIfNeeded: self)))
    }
}

extension Int: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) { try self.init(exactJSON: reader.readNumber()) }
    var jsonOutput: JSONOutput { integerJSON }
}

extension Int32: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) { try self.init(exactJSON: reader.readNumber()) }
    var jsonOutput: JSONOutput { integerJSON }
}

extension Int64: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) { try self.init(exactJSON: reader.readNumber()) }
    var jsonOutput: JSONOutput { integerJSON }
}

extension UInt: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) { try self.init(exactJSON: reader.readNumber()) }
    var jsonOutput: JSONOutput { integerJSON }
}

extension UInt16: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) { try self.init(exactJSON: reader.readNumber()) }
    var jsonOutput: JSONOutput { integerJSON }
}

extension UInt32: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) { try self.init(exactJSON: reader.readNumber()) }
    var jsonOutput: JSONOutput { integerJSON }
}

extension UInt64: JSONCodable {
    init(reader: inout JSONReader) throws(SpecError) { try self.init(exactJSON: reader.readNumber()) }
    var jsonOutput: JSONOutput { integerJSON }
}

extension Array: JSONDecodable where Element: JSONDecodable {
    init(reader: inout JSONReader) throws(SpecError) {
        var cursor = try reader.beginArray()
        var result: [Element] = []
        while try reader.nextElement(in: &cursor) {
            do {
                result.append(try Element(reader: &reader))
            } catch {
                throw error.under(index: result.count)
            }
        }
        self = result
    }
}

extension Array: JSONEncodable where Element: JSONEncodable {
    var jsonOutput: JSONOutput { .array(map(\.jsonOutput)) }
}

extension Dictionary: JSONDecodable where Key == String, Value: JSONDecodable {
    init(reader: inout JSONReader) throws(SpecError) {
        var cursor = try reader.beginObject()
        var result: [String: Value] = [:]
        while let key = try reader.nextKey(in: &cursor) {
            do {
                result[key] = try Value(reader: &reader)
            } catch {
                throw error.under(key: key)
            }
        }
        self = result
    }
}

extension Dictionary: JSONEncodable where Key == String, Value: JSONEncodable {
    /// Sorted by key, as Go's encoder writes maps.
    var jsonOutput: JSONOutput {
        .object(sorted { $0.key < $1.key }.map { (key: $0.key, value: $0.value.jsonOutput) })
    }
}
