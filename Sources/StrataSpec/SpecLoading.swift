#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
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

/// Reads a whole file with open(2)/read(2), turning failures into a `SpecError` that
/// names the path. No Foundation: linking it into the static runtime grew every
/// protocol-conformance lookup of a cold start.
func readFile(_ path: String) throws(SpecError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 { throw SpecError(kind: .io, file: path, reason: ioReason(errno)) }
    defer { close(fd) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16384)
    while true {
        let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n == 0 { return out }
        if n < 0 {
            if errno == EINTR { continue }
            throw SpecError(kind: .io, file: path, reason: ioReason(errno))
        }
        out.append(contentsOf: chunk[0..<n])
    }
}

/// Go-style lower-case text for the errors a config read meets.
func ioReason(_ code: Int32) -> String {
    switch code {
    case ENOENT: return "no such file or directory"
    case EISDIR: return "is a directory"
    case EACCES, EPERM: return "permission denied"
    case ENOTDIR: return "not a directory"
    default: return "cannot read file (errno \(code))"
    }
}
