import Foundation
import StrataSystem

/// Media types of the OCI image spec and of Docker's schema 2, which registries serve side by side.
public enum MediaType {
    public static let ociIndex = "application/vnd.oci.image.index.v1+json"
    public static let ociManifest = "application/vnd.oci.image.manifest.v1+json"
    public static let ociConfig = "application/vnd.oci.image.config.v1+json"
    public static let dockerList = "application/vnd.docker.distribution.manifest.list.v2+json"
    public static let dockerManifest = "application/vnd.docker.distribution.manifest.v2+json"
    public static let dockerConfig = "application/vnd.docker.container.image.v1+json"
    public static let ociLayer = "application/vnd.oci.image.layer.v1.tar"
    public static let ociLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip"
    public static let ociLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd"
    public static let dockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip"
    public static let dockerForeignLayer = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip"

    /// Everything a manifest request accepts, the way Podman asks.
    public static let manifestAccept = [ociIndex, dockerList, ociManifest, dockerManifest].joined(separator: ", ")

    static func isIndex(_ t: String) -> Bool { t == ociIndex || t == dockerList }
    static func isManifest(_ t: String) -> Bool { t == ociManifest || t == dockerManifest }
    static func isLayer(_ t: String) -> Bool {
        [ociLayer, ociLayerGzip, ociLayerZstd, dockerLayerGzip, dockerForeignLayer,
         "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"].contains(t)
    }
}

/// An OCI platform (`linux/amd64`, `linux/arm64/v8`).
public struct Platform: Codable, Sendable, Hashable, CustomStringConvertible {
    public var os: String
    public var architecture: String
    public var variant: String?

    enum CodingKeys: String, CodingKey { case os, architecture, variant }

    public init(os: String, architecture: String, variant: String? = nil) {
        self.os = os; self.architecture = architecture; self.variant = variant
    }

    /// Parses `os/arch[/variant]` as `--platform` takes it.
    public static func parse(_ text: String) throws(StrataError) -> Platform {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty }) else {
            throw StrataError("parse platform", text, reason: "expected os/arch[/variant], e.g. linux/amd64")
        }
        return Platform(os: parts[0], architecture: parts[1], variant: parts.count == 3 ? parts[2] : nil)
    }

    /// linux/amd64, the default, as the issue asks (not the host's: images are chosen explicitly).
    public static let `default` = Platform(os: "linux", architecture: "amd64")

    public var description: String { "\(os)/\(architecture)" + (variant.map { "/" + $0 } ?? "") }

    /// Whether an index entry's platform serves a request for `self`: a requested variant must match;
    /// arm64 without a variant means v8.
    func accepts(_ other: Platform) -> Bool {
        guard os == other.os, architecture == other.architecture else { return false }
        guard let want = variant else { return true }
        let have = other.variant ?? (other.architecture == "arm64" ? "v8" : nil)
        return want == have
    }
}

/// A content descriptor (mediaType, digest, size), with the index fields we read.
public struct Descriptor: Codable, Sendable, Hashable {
    public var mediaType: String
    public var digest: Digest
    public var size: Int64
    public var platform: Platform?
    public var annotations: [String: String]?
    public var urls: [String]?

    public init(mediaType: String, digest: Digest, size: Int64, platform: Platform? = nil, annotations: [String: String]? = nil) {
        self.mediaType = mediaType; self.digest = digest; self.size = size
        self.platform = platform; self.annotations = annotations
    }
}

/// An OCI image index or a Docker manifest list.
public struct ImageIndexDocument: Codable, Sendable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var manifests: [Descriptor]
    public var annotations: [String: String]?

    public init(manifests: [Descriptor]) {
        schemaVersion = 2; mediaType = MediaType.ociIndex; self.manifests = manifests
    }
}

/// An OCI image manifest or a Docker schema-2 manifest.
public struct ImageManifest: Codable, Sendable {
    public var schemaVersion: Int
    public var mediaType: String?
    public var config: Descriptor
    public var layers: [Descriptor]
    public var annotations: [String: String]?
}

/// The parts of an image config (OCI image-spec config / Docker's container config) Strata reads.
struct ImageConfigDocument: Codable, Sendable {
    struct Inner: Codable, Sendable {
        var User: String?
        var ExposedPorts: [String: AnyEmpty]?
        var Env: [String]?
        var Entrypoint: [String]?
        var Cmd: [String]?
        var Volumes: [String: AnyEmpty]?
        var WorkingDir: String?
        var Labels: [String: String]?
        var StopSignal: String?
    }
    struct RootFS: Codable, Sendable {
        var type: String
        var diff_ids: [Digest]
    }
    struct History: Codable, Sendable {
        var created: String?
        var created_by: String?
        var empty_layer: Bool?
    }
    /// `{}` values of ExposedPorts/Volumes; any content is accepted and ignored.
    struct AnyEmpty: Codable, Sendable {
        init() {}
        init(from decoder: Decoder) throws {}
        func encode(to encoder: Encoder) throws { _ = encoder.container(keyedBy: CodingKeysNone.self) }
        enum CodingKeysNone: CodingKey {}
    }
    var created: String?
    var architecture: String?
    var os: String?
    var variant: String?
    var config: Inner?
    var rootfs: RootFS
    var history: [History]?
}

/// What the engine needs from an image's config (image-spec config.config + a few top-level fields).
public struct ImageRuntimeConfig: Sendable, Equatable, Codable {
    public var entrypoint: [String]?
    public var cmd: [String]?
    public var env: [String]
    public var workingDir: String?
    public var user: String?
    public var volumes: [String]          // container paths
    public var exposedPorts: [String]     // "80/tcp"
    public var stopSignal: String?
    public var labels: [String: String]
    public var os: String
    public var architecture: String

    init(_ doc: ImageConfigDocument) {
        let c = doc.config
        entrypoint = c?.Entrypoint
        cmd = c?.Cmd
        env = c?.Env ?? []
        workingDir = (c?.WorkingDir).flatMap { $0.isEmpty ? nil : $0 }
        user = (c?.User).flatMap { $0.isEmpty ? nil : $0 }
        volumes = (c?.Volumes.map { Array($0.keys) } ?? []).sorted()
        exposedPorts = (c?.ExposedPorts.map { Array($0.keys) } ?? []).sorted()
        stopSignal = c?.StopSignal
        labels = c?.Labels ?? [:]
        os = doc.os ?? "linux"
        architecture = doc.architecture ?? "amd64"
    }
}

/// Decoding of registry and store JSON, with errors that name the document.
enum JSONDocs {
    static func decode<T: Decodable>(_ type: T.Type, _ bytes: some DataProtocol, what: String) throws(StrataError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: Data(bytes))
        } catch {
            throw StrataError("parse", what, reason: "\(error)")
        }
    }

    static func encode<T: Encodable>(_ value: T) throws(StrataError) -> Data {
        let enc = JSONEncoder()
        enc.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do { return try enc.encode(value) } catch { throw StrataError("encode json", "\(T.self)", reason: "\(error)") }
    }

    /// The `mediaType` field of a manifest-like document, whatever its kind.
    static func mediaType(of bytes: some DataProtocol) -> String? {
        guard let p = try? JSONDecoder().decode(Probe.self, from: Data(bytes)) else { return nil }
        if let t = p.mediaType { return t }
        if p.manifests != nil { return MediaType.ociIndex }
        if p.config != nil { return MediaType.ociManifest }
        return nil
    }
}

/// The fields that tell a manifest from an index when `mediaType` is absent.
private struct Probe: Decodable {
    var mediaType: String?
    var manifests: [Descriptor]?
    var config: Descriptor?
}
