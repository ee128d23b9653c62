import Foundation
import StrataSystem

/// One image in the store: a manifest (the image's identity in the layout) and what Strata keeps
/// about it. Stored as one descriptor of the layout's index.json, the fields as annotations,
/// so the store stays a valid OCI layout that skopeo and umoci can read.
public struct ImageRecord: Sendable, Equatable {
    /// The image manifest (not an index: the platform was chosen at pull time).
    public var manifest: Descriptor
    /// The config digest: the image id, as Podman and Docker show it.
    public var id: Digest
    /// Normalized names, `docker.io/library/busybox:latest`, `registry:5000/app@sha256:…`.
    public var names: [String]
    /// Digests the image was pulled by (the index or list digest when there was one, and the manifest's).
    public var repoDigests: [Digest]
    /// Chain ids of the layers, bottom-most first.
    public var chainIDs: [Digest]
    /// Bytes of the compressed layers plus config, as `podman images` sums them.
    public var size: Int64
    /// When it entered the store (RFC 3339).
    public var pulled: String
    /// The image's own creation time from its config, when set.
    public var created: String?

    enum Key {
        static let refName = "org.opencontainers.image.ref.name"
        static let names = "io.strata.image.names"
        static let id = "io.strata.image.id"
        static let repoDigests = "io.strata.image.repo-digests"
        static let chain = "io.strata.image.chain-ids"
        static let size = "io.strata.image.size"
        static let pulled = "io.strata.image.pulled"
        static let created = "io.strata.image.created"
    }

    var descriptor: Descriptor {
        var d = manifest
        var a: [String: String] = [
            Key.names: names.joined(separator: ","),
            Key.id: id.description,
            Key.repoDigests: repoDigests.map(\.description).joined(separator: ","),
            Key.chain: chainIDs.map(\.hex).joined(separator: ","),
            Key.size: String(size),
            Key.pulled: pulled,
        ]
        if let first = names.first { a[Key.refName] = first }
        if let created { a[Key.created] = created }
        d.annotations = a
        d.platform = nil
        return d
    }

    init(manifest: Descriptor, id: Digest, names: [String], repoDigests: [Digest], chainIDs: [Digest],
         size: Int64, pulled: String, created: String?) {
        self.manifest = manifest; self.id = id; self.names = names; self.repoDigests = repoDigests
        self.chainIDs = chainIDs; self.size = size; self.pulled = pulled; self.created = created
    }

    init(_ d: Descriptor) throws(StrataError) {
        let a = d.annotations ?? [:]
        func list(_ k: String) -> [String] { (a[k] ?? "").split(separator: ",").map(String.init) }
        guard let idText = a[Key.id] else {
            throw StrataError("read image index", d.digest.description, reason: "entry has no \(Key.id) annotation")
        }
        var m = d
        m.annotations = nil
        manifest = m
        id = try Digest.parse(idText, what: "index.json")
        names = list(Key.names)
        repoDigests = try list(Key.repoDigests).map { (s) throws(StrataError) in try Digest.parse(s, what: "index.json") }
        chainIDs = list(Key.chain).map { Digest(hex: $0) }
        size = Int64(a[Key.size] ?? "") ?? 0
        pulled = a[Key.pulled] ?? ""
        created = a[Key.created]
    }
}

/// index.json, read and rewritten under index.lock; every write is a temp file + rename, so
/// readers (who take no lock) see the old or the new index, never a torn one.
///
/// Why index.json rather than SQLite: the store is an OCI layout that other tools read as is,
/// the index holds a handful of records per image (hundreds of images at most), and a flock'd
/// rename gives the atomicity we need without a second copy of the truth or a database engine
/// in every `strata` build.
struct ImageIndexFile {
    let layout: StoreLayout

    func read() throws(StrataError) -> [ImageRecord] {
        guard Files.exists(layout.indexPath) else { return [] }
        let bytes = try Files.read(layout.indexPath)
        let doc = try JSONDocs.decode(ImageIndexDocument.self, bytes, what: layout.indexPath)
        return try doc.manifests.map { (d) throws(StrataError) in try ImageRecord(d) }
    }

    /// Runs `change` on the current records under the index lock and writes the result.
    @discardableResult
    func update<T>(_ change: (inout [ImageRecord]) throws(StrataError) -> T) throws(StrataError) -> T {
        let lock = try StoreLock(layout.root + "/index.lock")
        try lock.lock(exclusive: true)
        defer { lock.unlock() }
        var records = try read()
        let result = try change(&records)
        let doc = ImageIndexDocument(manifests: records.map(\.descriptor))
        let bytes = try JSONDocs.encode(doc)
        // Beside index.json, not in tmp/: a pull's sweep of tmp/ must not take a writer's file.
        // One writer at a time holds index.lock, so one name serves; O_TRUNC reuses a killed one's.
        let temp = layout.indexPath + ".tmp"
        try Files.write(temp, Array(bytes), mode: 0o600)
        if rename(temp, layout.indexPath) != 0 {
            let e = errno
            unlink(temp)
            throw StrataError("rename", layout.indexPath, errno: e)
        }
        return result
    }
}
