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
    public static func load(fromJSON bytes: some Collection<UInt8>) throws(SpecError) -> Spec {
        try Spec(json: JSONParser.parse(bytes))
    }

    /// Reads and decodes `<bundle>/config.json`; errors name the file.
    public static func load(bundle: String) throws(SpecError) -> Spec {
        try load(file: bundle.hasSuffix("/") ? bundle + "config.json" : bundle + "/config.json")
    }

    /// Reads and decodes a config file; errors name the file.
    public static func load(file path: String) throws(SpecError) -> Spec {
        let bytes = try readFile(path)
        do {
            return try load(fromJSON: bytes)
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
func readFile(_ path: String) throws(SpecError) -> Data {
    do {
        return try Data(contentsOf: URL(fileURLWithPath: path))
    } catch let error as CocoaError {
        let reason: String
        switch error.code {
        case .fileReadNoSuchFile, .fileNoSuchFile: reason = "no such file or directory"
        case .fileReadNoPermission: reason = "permission denied"
        case .fileReadCorruptFile, .fileReadUnknown: reason = "cannot read file (is it a directory?)"
        default: reason = "cannot read file (cocoa error \(error.code.rawValue))"
        }
        throw SpecError(kind: .io, file: path, reason: reason)
    } catch {
        throw SpecError(kind: .io, file: path, reason: "cannot read file: \(error)")
    }
}
