/// An error from decoding or loading an OCI document.
///
/// Messages are lower-case and name what they are about: the file for I/O problems,
/// the line and column for malformed JSON, the JSON path for type mismatches
/// (`process.user.uid: expected a number, got string`).
public struct SpecError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The broad class of failure, for callers that map errors to exit codes or messages.
    public enum Kind: Sendable, Equatable {
        /// The file could not be read.
        case io
        /// The bytes are not valid JSON.
        case syntax
        /// The JSON is well formed but a value has the wrong type or range.
        case type
        /// The document was decoded but is not acceptable (validation failures).
        case invalid
    }

    public var kind: Kind
    /// The file the document came from, if any.
    public var file: String?
    /// The JSON path of the offending value (`linux.resources.memory.limit`), empty if none.
    public var path: String
    /// What is wrong, lower-case.
    public var reason: String

    public init(kind: Kind, file: String? = nil, path: String = "", reason: String) {
        self.kind = kind
        self.file = file
        self.path = path
        self.reason = reason
    }

    public var description: String {
        var text = ""
        if let file { text += file + ": " }
        if !path.isEmpty { text += path + ": " }
        return text + reason
    }

    // Paths are assembled while the error unwinds, so the success path never builds strings.
    func under(key: String) -> SpecError {
        // Syntax errors already say where, by line and column.
        guard kind == .type else { return self }
        var copy = self
        let component = Self.isPlainKey(key) ? key : "[\"" + key + "\"]"
        if path.isEmpty || path.hasPrefix("[") {
            copy.path = component + path
        } else {
            copy.path = component + "." + path
        }
        return copy
    }

    func under(index: Int) -> SpecError {
        guard kind == .type else { return self }
        var copy = self
        let component = "[\(index)]"
        copy.path = (path.isEmpty || path.hasPrefix("[")) ? component + path : component + "." + path
        return copy
    }

    func inFile(_ file: String) -> SpecError {
        var copy = self
        copy.file = file
        return copy
    }

    private static func isPlainKey(_ key: String) -> Bool {
        guard !key.isEmpty else { return false }
        for byte in key.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
                continue
            default:
                return false
            }
        }
        return true
    }
}
