import Foundation
import StrataSystem

/// An image present in the local store, ready to be the lower layers of a container rootfs.
public struct StoredImage: Sendable {
    /// The config digest, "sha256:…".
    public var id: String
    /// Normalized references, "docker.io/library/busybox:latest".
    public var names: [String]
    public var config: ImageRuntimeConfig
    /// Unpacked layer directories, bottom-most first, shared read-only by every container
    /// (usable directly as overlayfs lowerdirs: lowerdir=top:…:bottom).
    public var layerDirectories: [String]
    /// The store's record (digests, sizes, dates) for `images` and `inspect`.
    public var record: ImageRecord
}

/// When `pull` contacts the registry.
public enum PullPolicy: String, Sendable, CaseIterable {
    /// Always ask the registry what the tag names now (`strata pull`).
    case always
    /// Only when the store has no such image (`strata run`, Podman's default).
    case missing
}

/// How to pull.
public struct PullOptions: Sendable {
    public var platform: Platform = .default
    /// nil: registries.conf decides; false: plain HTTP / unverified TLS allowed for this pull.
    public var tlsVerify: Bool?
    /// An auth.json to read instead of the default search list.
    public var authFile: String?
    /// Credentials given on the command line (--creds), ahead of any auth.json.
    public var credentials: Credentials?
    public var registries: RegistriesConfig?
    public var policy: PullPolicy = .always
    public var limits: UnpackLimits = .fromEnvironment()
    /// Layers downloaded and unpacked at once.
    public var concurrency = 3
    public var progress: ProgressSink = .none

    public init() {}
}

/// The local image store: an OCI layout of verified blobs, index.json naming the images,
/// and one unpacked directory per layer chain id. Safe for concurrent `strata` processes.
public struct ImageStore: Sendable {
    public let layout: StoreLayout
    var index: ImageIndexFile { ImageIndexFile(layout: layout) }

    /// Root: /var/lib/strata as root, $XDG_DATA_HOME/strata otherwise (`StoreLayout.defaultRoot()`).
    public init(root: String) throws {
        layout = StoreLayout(root: Paths.absolute(root))
        try layout.prepare()
    }

    public static func defaultRoot() -> String { StoreLayout.defaultRoot() }

    // MARK: lookup

    /// Every image, newest first.
    public func images() throws -> [StoredImage] {
        try index.read().sorted { $0.pulled > $1.pulled }.map { try stored($0) }
    }

    /// Local lookup by reference, short name, id or id prefix; throws a clear "image not known" error.
    public func image(_ reference: String) throws -> StoredImage {
        try stored(try record(reference, in: index.read()))
    }

    func record(_ reference: String, in records: [ImageRecord]) throws(StrataError) -> ImageRecord {
        let text = reference.hasPrefix("sha256:") ? String(reference.dropFirst(7)) : reference
        // An id or an unambiguous id prefix (at least 3 hex digits, as Podman takes).
        if text.count >= 3, text.count <= 64, text.allSatisfy(\.isHexDigit) {
            let matches = records.filter { $0.id.hex.hasPrefix(text) || $0.manifest.digest.hex == text }
            if matches.count == 1 { return matches[0] }
            if Set(matches.map(\.id)).count > 1 {
                throw StrataError("find image", reference, reason: "ambiguous id prefix: it matches \(matches.count) images")
            }
            if let m = matches.first { return m }
        }
        let ref = try Reference.parse(reference)
        let candidates = records.filter { r in
            r.names.contains { name in ImageStore.matches(name: name, ref) }
                || (ref.digest.map { d in r.repoDigests.contains(d) && ImageStore.sameRepository(r, ref) } ?? false)
        }
        if candidates.count == 1 { return candidates[0] }
        if candidates.count > 1 {
            throw StrataError("find image", reference, reason: "short name matches several images: \(candidates.flatMap(\.names).joined(separator: ", "))")
        }
        throw StrataError("find image", reference, reason: "image not known")
    }

    /// A stored name matches what the user typed: exactly once normalized, or, for a short name,
    /// by repository path and tag in any registry (the local store is searched, not guessed into).
    static func matches(name: String, _ ref: Reference) -> Bool {
        guard let stored = try? Reference.parse(name) else { return false }
        let want = ref.normalized
        if let d = want.domain {
            return stored.domain == d && stored.path == want.path && stored.tag == want.tag && stored.digest == want.digest
        }
        let pathMatch = stored.path == want.path || stored.path == "library/" + want.path
            || stored.path.hasSuffix("/" + want.path)
        return pathMatch && stored.tag == want.tag && stored.digest == want.digest
    }

    static func sameRepository(_ r: ImageRecord, _ ref: Reference) -> Bool {
        r.names.contains { n in
            guard let s = try? Reference.parse(n) else { return false }
            return s.path == ref.path || s.path == "library/" + ref.path || ref.domain == nil && s.path.hasSuffix("/" + ref.path)
        } || r.names.isEmpty
    }

    func stored(_ r: ImageRecord) throws(StrataError) -> StoredImage {
        let bytes = try Files.read(layout.blobPath(r.id))
        let config = try JSONDocs.decode(ImageConfigDocument.self, bytes, what: "config \(r.id)")
        return StoredImage(id: r.id.description, names: r.names, config: ImageRuntimeConfig(config),
                           layerDirectories: r.chainIDs.map { layout.layerPath(chain: $0) }, record: r)
    }

    /// The raw config and manifest JSON of an image, for `inspect`.
    public func documents(_ image: StoredImage) throws -> (manifest: [UInt8], config: [UInt8]) {
        (try Files.read(layout.blobPath(image.record.manifest.digest)), try Files.read(layout.blobPath(image.record.id)))
    }

    // MARK: names

    /// Adds the name `target` to the image `source` names (moving it off any other image).
    public func tag(_ source: String, _ target: String, registries: RegistriesConfig? = nil) throws {
        var ref = try Reference.parse(target)
        if ref.digest != nil { throw StrataError("tag", target, reason: "a tag cannot be a digest reference") }
        if ref.domain == nil { ref.domain = "localhost" }   // Podman's habit: a bare new name is local
        let name = ref.normalized.description
        try index.update { (records) throws(StrataError) in
            let r = try record(source, in: records)
            for i in records.indices { records[i].names.removeAll { $0 == name } }
            if let i = records.firstIndex(where: { $0.manifest.digest == r.manifest.digest }) {
                records[i].names.append(name)
            }
        }
    }

    /// Removes a name, or the image when `reference` is its id (or its last name). Returns what
    /// was untagged and the ids deleted; unreferenced blobs and layers are collected after.
    @discardableResult
    public func remove(_ references: [String], force: Bool = false) throws -> (untagged: [String], deleted: [String]) {
        let gc = try StoreLock(layout.root + "/gc.lock")
        try gc.lock(exclusive: true)
        defer { gc.unlock() }
        var untagged: [String] = []
        var deleted: [String] = []
        try index.update { (records) throws(StrataError) in
            for reference in references {
                let r = try record(reference, in: records)
                if Files.exists(layout.mountsDir + "/" + r.id.hex) && ImageMounter.isMounted(layout.mountsDir + "/" + r.id.hex) {
                    throw StrataError("remove image", reference, reason: "image is mounted at \(layout.mountsDir)/\(r.id.hex) (strata image unmount)")
                }
                guard let i = records.firstIndex(where: { $0.manifest.digest == r.manifest.digest }) else { continue }
                let byName = (try? Reference.parse(reference)).map { ref in records[i].names.filter { ImageStore.matches(name: $0, ref) } } ?? []
                let isID = byName.isEmpty
                if !isID && records[i].names.count > 1 {
                    records[i].names.removeAll { byName.contains($0) }
                    untagged += byName
                } else {
                    if isID && records[i].names.count > 1 && !force {
                        throw StrataError("remove image", reference,
                                          reason: "image has several names (\(records[i].names.joined(separator: ", "))): remove them by name, or use --force")
                    }
                    untagged += records[i].names
                    deleted.append(records[i].id.description)
                    records.remove(at: i)
                }
            }
        }
        _ = try collect(records: index.read())
        return (untagged, deleted)
    }

    /// What `prune` freed.
    public struct PruneReport: Sendable {
        public var images: [String] = []
        public var blobs = 0
        public var layers = 0
        public var temporaries = 0
        public var bytes: Int64 = 0
    }

    /// Removes images without names (all unmounted images with `all`), then every blob, layer and
    /// leftover temporary that no image references.
    public func prune(all: Bool = false) throws -> PruneReport {
        let gc = try StoreLock(layout.root + "/gc.lock")
        try gc.lock(exclusive: true)
        defer { gc.unlock() }
        var removed: [String] = []
        let records = try index.update { (records) throws(StrataError) in
            records.removeAll { r in
                let drop = (r.names.isEmpty || all) && !ImageMounter.isMounted(layout.mountsDir + "/" + r.id.hex)
                if drop { removed.append(r.id.description) }
                return drop
            }
            return records
        }
        var report = try collect(records: records)
        report.images = removed
        return report
    }

    /// Deletes what no record references. Caller holds gc.lock exclusive: no pull is running.
    func collect(records: [ImageRecord]) throws(StrataError) -> PruneReport {
        var report = PruneReport()
        var blobs = Set<String>()
        var layers = Set<String>()
        for r in records {
            blobs.insert(r.manifest.digest.hex)
            blobs.insert(r.id.hex)
            for d in r.repoDigests { blobs.insert(d.hex) }
            for c in r.chainIDs { layers.insert(c.hex) }
            if let m = try? JSONDocs.decode(ImageManifest.self, Files.read(layout.blobPath(r.manifest.digest)), what: "manifest") {
                for l in m.layers { blobs.insert(l.digest.hex) }
            }
        }
        for name in try Files.list(layout.blobsDir) where !blobs.contains(name) {
            var st = stat()
            if lstat(layout.blobsDir + "/" + name, &st) == 0 { report.bytes += Int64(st.st_size) }
            unlink(layout.blobsDir + "/" + name)
            report.blobs += 1
        }
        for name in try Files.list(layout.layersDir) where !layers.contains(name) {
            try Files.removeTree(layout.layersDir + "/" + name)
            report.layers += 1
        }
        for name in try Files.list(layout.tmpDir) {
            try Files.removeTree(layout.tmpDir + "/" + name)
            report.temporaries += 1
        }
        return report
    }
}
