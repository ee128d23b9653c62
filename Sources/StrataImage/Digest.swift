import Crypto
import Foundation
import StrataSystem

/// A content digest, `sha256:<64 hex>`. Only sha256 is accepted: it is what every
/// registry and image tool writes, and a digest we cannot verify is refused, not trusted.
public struct Digest: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// The 64 lower-case hex characters.
    public let hex: String

    public init(hex: String) { self.hex = hex }

    /// Parses `sha256:<hex>`; `what` names the input in the error.
    public static func parse(_ text: String, what: String? = nil) throws(StrataError) -> Digest {
        guard text.hasPrefix("sha256:") else {
            throw StrataError("parse digest", what ?? text, reason: "\"\(text)\" is not a sha256 digest")
        }
        let hex = String(text.dropFirst(7))
        guard hex.utf8.count == 64, hex.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }) else {
            throw StrataError("parse digest", what ?? text, reason: "\"\(text)\" is not 64 lower-case hex digits")
        }
        return Digest(hex: hex)
    }

    /// The digest of `bytes`.
    public static func of(_ bytes: some DataProtocol) -> Digest {
        Digest(hex: SHA256.hash(data: bytes).hexString)
    }

    public var description: String { "sha256:" + hex }
    /// The first 12 hex digits, as `podman images` shows ids.
    public var short: String { String(hex.prefix(12)) }

    public static func < (a: Digest, b: Digest) -> Bool { a.hex < b.hex }

    public init(from decoder: Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try Digest.parse(text)
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

extension SHA256.Digest {
    var hexString: String {
        let digits = Array("0123456789abcdef".utf8)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for b in self { out.append(digits[Int(b >> 4)]); out.append(digits[Int(b & 15)]) }
        return String(decoding: out, as: UTF8.self)
    }
}

/// SHA-256 over a stream, for verifying blobs as they arrive.
struct DigestHasher {
    private var hasher = SHA256()
    private(set) var count: Int64 = 0

    mutating func update(_ bytes: UnsafeRawBufferPointer) {
        hasher.update(bufferPointer: bytes)
        count += Int64(bytes.count)
    }

    func finish() -> Digest { Digest(hex: hasher.finalize().hexString) }
}
