#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension Spec {
    /// The runtime-spec version this module models and writes into new configs.
    public static let version = "1.2.0"

    /// Decodes a `config.json` document.
    ///
    /// Decoding mirrors Go's `encoding/json`, which every client that writes bundles uses:
    /// `null` means absent, required members that are missing take their zero values
    /// (validation reports the ones that matter), numbers must be integers in range for integer
    /// fields. Unknown members are kept in `unknownFields` at every level.
    @inlinable
    public static func load(fromJSON bytes: some Collection<UInt8>) throws(SpecError) -> Spec {
        // Inlinable so the caller's concrete collection reaches a non-generic decoder: an
        // unspecialised generic entry point instantiated metadata at run time, which was a
        // visible part of a cold (first-call) decode.
        if let result = bytes.withContiguousStorageIfAvailable({ decode(buffer: $0) }) {
            return try result.get()
        }
        return try Array(bytes).withUnsafeBufferPointer { decode(buffer: $0) }.get()
    }

    @usableFromInline
    static func decode(buffer: UnsafeBufferPointer<UInt8>) -> Result<Spec, SpecError> {
        Result { () throws(SpecError) -> Spec in try JSONReader.decodeDocument(Spec.self, from: buffer) }
    }

    /// Reads and decodes `<bundle>/config.json`; errors name the file.
    public static func load(bundle: String) throws(SpecError) -> Spec {
        try load(file: bundle.hasSuffix("/") ? bundle + "config.json" : bundle + "/config.json")
    }

    /// Reads and decodes a config file; errors name the file.
    public static func load(file path: String) throws(SpecError) -> Spec {
        let bytes = try readFile(path)
        let result = bytes.withUnsafeBytes { raw in
            decode(buffer: UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count))
        }
        do {
            return try result.get()
        } catch {
            throw error.inFile(path)
        }
    }

    /// The config as JSON with members in runc's order (Go struct order, map keys sorted,
    /// unknown members after the known ones); `pretty` indents with tabs like `runc spec`.
    public func jsonBytes(pretty: Bool = false) -> [UInt8] {
        jsonOutput.bytes(pretty: pretty)
    }

    /// The config as JSON text; see `jsonBytes(pretty:)`.
    public func jsonText(pretty: Bool = false) -> String {
        jsonOutput.text(pretty: pretty)
    }

    /// The config as an untyped tree, for callers that inspect or patch it generically.
    public var jsonValue: JSONValue { jsonOutput.jsonValue }
}

/// Reads a whole file, turning failures into a `SpecError` that names the path.
///
/// `FileManager.contents(atPath:)` rather than `Data(contentsOf:)`: building a file URL was a
/// measurable share of the first load in a fresh process. It gives no reason on failure, so
/// the reason is worked out afterwards, off the success path.
func readFile(_ path: String) throws(SpecError) -> Data {
    let manager = FileManager.default
    if let data = manager.contents(atPath: path) { return data }
    var isDirectory = false
    let reason: String
    if !manager.fileExists(atPath: path, isDirectory: &isDirectory) {
        reason = "no such file or directory"
    } else if isDirectory {
        reason = "is a directory"
    } else if !manager.isReadableFile(atPath: path) {
        reason = "permission denied"
    } else {
        reason = "cannot read file"
    }
    throw SpecError(kind: .io, file: path, reason: reason)
}
