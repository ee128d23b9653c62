import Foundation
import StrataSystem

extension ImageStore {
    /// Pull when absent (`.missing`) or always ask the registry (`.always`), then return the
    /// stored image. Blobs are verified as they stream; layers are unpacked once per chain id;
    /// the image gets its name in index.json only when every part of it is stored.
    public func pull(_ reference: String, options: PullOptions) async throws -> StoredImage {
        let registries = try options.registries ?? RegistriesConfig.load()
        let parsed = try Reference.parse(reference)
        if options.policy == .missing, let found = try? image(reference) { return found }
        let ref = try registries.resolve(parsed)
        guard let domain = ref.domain else { throw StrataError("pull", reference, reason: "no registry") }

        // Shared gc.lock for the whole pull: a concurrent rmi/prune waits instead of collecting
        // blobs this pull stored but has not named yet. When nobody else holds it, first sweep
        // what killed pulls left in tmp/.
        let gc = try StoreLock(layout.root + "/gc.lock")
        if gc.tryExclusive() {
            for name in (try? Files.list(layout.tmpDir)) ?? [] { try? Files.removeTree(layout.tmpDir + "/" + name) }
        }
        try gc.lock(exclusive: false)
        defer { gc.unlock() }

        let insecure = options.tlsVerify == false || registries.isInsecure(domain)
        let credentials = try options.credentials ?? AuthFile.lookup(domain: domain, repository: ref.repository, explicit: options.authFile)
        let client = RegistryClient(domain: domain, insecure: insecure, credentials: credentials)
        do {
            let record = try await fetch(ref, client: client, options: options)
            await client.close()
            return try stored(record)
        } catch {
            await client.close()
            // Verified blobs of a failed pull are complete, but nobody names them: drop them now
            // if no other pull is running (they are collected by the next prune otherwise).
            gc.unlock()
            if gc.tryExclusive() { _ = try? collect(records: index.read()) }
            throw error
        }
    }

    private func fetch(_ ref: Reference, client: RegistryClient, options: PullOptions) async throws -> ImageRecord {
        let repository = ref.path
        let fetcher = BlobFetcher(client: client, layout: layout, repository: repository, progress: options.progress)
        let name = ref.description
        var top = try await fetcher.manifest(ref.manifestReference, what: name)
        var repoDigests = [top.digest]
        var extraBlobs: [([UInt8], Digest)] = []
        if MediaType.isIndex(top.mediaType) {
            let list = try JSONDocs.decode(ImageIndexDocument.self, top.bytes, what: "index \(top.digest) of \(name)")
            let choices = list.manifests.filter { MediaType.isManifest($0.mediaType) }
            guard let chosen = choices.first(where: { $0.platform.map(options.platform.accepts) ?? false }) else {
                let offered = choices.compactMap { $0.platform?.description }
                throw StrataError("choose platform", name, reason: "no image for \(options.platform) (the index offers \(offered.isEmpty ? "none" : offered.joined(separator: ", ")))")
            }
            extraBlobs.append((top.bytes, top.digest))
            top = try await fetcher.manifest(chosen.digest.description, what: "\(name) (\(options.platform))")
            repoDigests.append(top.digest)
        }
        guard MediaType.isManifest(top.mediaType) else {
            throw StrataError("pull", name, reason: "unsupported manifest type \"\(top.mediaType)\" (schema 1 and artifacts are not images Strata runs)")
        }
        let manifest = try JSONDocs.decode(ImageManifest.self, top.bytes, what: "manifest \(top.digest) of \(name)")
        options.progress.emit(.resolved(reference: name, digest: top.digest))

        // Config: small, fetched into memory through the store (verified like any blob).
        try await fetcher.blob(manifest.config, what: "config \(manifest.config.digest) of \(name)")
        let configBytes = try Files.read(layout.blobPath(manifest.config.digest))
        let config = try JSONDocs.decode(ImageConfigDocument.self, configBytes, what: "config \(manifest.config.digest) of \(name)")
        if let os = config.os, let arch = config.architecture,
           os != options.platform.os || arch != options.platform.architecture {
            throw StrataError("pull", name, reason: "image is for \(os)/\(arch), not \(options.platform)")
        }
        let diffIDs = config.rootfs.diff_ids
        guard diffIDs.count == manifest.layers.count else {
            throw StrataError("pull", name, reason: "manifest has \(manifest.layers.count) layers, its config \(diffIDs.count) diff_ids")
        }
        for l in manifest.layers where !MediaType.isLayer(l.mediaType) {
            throw StrataError("pull", name, reason: "layer \(l.digest) has unsupported media type \(l.mediaType)")
        }
        let chains = ImageStore.chainIDs(diffIDs)

        // Layers: download and unpack a few at a time; each result lands under its final name
        // only when complete (rename), so a kill leaves at most tmp/ leftovers.
        let layout = self.layout
        let limits = options.limits
        let progress = options.progress
        let layers = manifest.layers
        let task = { @Sendable (i: Int) async throws -> Void in
            let layer = layers[i]
            let what = "layer \(layer.digest) of \(name)"
            if Files.exists(layout.layerPath(chain: chains[i])) && Files.exists(layout.blobPath(layer.digest)) {
                progress.emit(.layerUnpacked(chain: chains[i], bytes: 0, cached: true))
                return
            }
            try await fetcher.blob(layer, what: what)
            try Unpack.layer(layout: layout, blob: layer.digest, diffID: diffIDs[i], chain: chains[i],
                             what: what, limits: limits, progress: progress)
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            while next < min(max(options.concurrency, 1), layers.count) {
                let i = next
                group.addTask { try await task(i) }
                next += 1
            }
            while try await group.next() != nil {
                guard next < layers.count else { continue }
                let i = next
                group.addTask { try await task(i) }
                next += 1
            }
        }

        try BlobWriter.put(top.bytes, digest: top.digest, layout: layout)
        for (bytes, digest) in extraBlobs { try BlobWriter.put(bytes, digest: digest, layout: layout) }

        let stamp = ISO8601DateFormatter().string(from: Date())
        let size = manifest.layers.reduce(manifest.config.size) { $0 + $1.size }
        let storedName = ref.digest == nil ? ref.normalized.description : nil
        let fresh = ImageRecord(manifest: Descriptor(mediaType: top.mediaType, digest: top.digest, size: Int64(top.bytes.count)),
                                 id: manifest.config.digest, names: [], repoDigests: repoDigests,
                                 chainIDs: chains, size: size, pulled: stamp, created: config.created)
        let record = try index.update { (records) throws(StrataError) -> ImageRecord in
            if let n = storedName { for i in records.indices { records[i].names.removeAll { $0 == n } } }
            if let i = records.firstIndex(where: { $0.manifest.digest == fresh.manifest.digest }) {
                if let n = storedName { records[i].names.append(n) }
                records[i].repoDigests = Array(Set(records[i].repoDigests + repoDigests)).sorted()
                return records[i]
            }
            // A digest pull is named by its repository and digest, as Podman shows it.
            var added = fresh
            added.names = [storedName ?? "\(ref.repository)@\(top.digest)"]
            records.append(added)
            return added
        }
        options.progress.emit(.stored(id: record.id))
        return record
    }

    /// chain(0) = diff(0); chain(n) = sha256(chain(n-1) + " " + diff(n)), as the image spec defines.
    public static func chainIDs(_ diffIDs: [Digest]) -> [Digest] {
        var out: [Digest] = []
        for d in diffIDs {
            if let last = out.last {
                out.append(Digest.of(Array("\(last) \(d)".utf8)))
            } else {
                out.append(d)
            }
        }
        return out
    }
}

/// Unpacking one stored layer blob into layers/<chain id>.
enum Unpack {
    static func layer(layout: StoreLayout, blob: Digest, diffID: Digest, chain: Digest, what: String,
                      limits: UnpackLimits, progress: ProgressSink) throws(StrataError) {
        let final = layout.layerPath(chain: chain)
        if Files.exists(final) {
            progress.emit(.layerUnpacked(chain: chain, bytes: 0, cached: true))
            return
        }
        let temp = layout.tempPath("layer")
        guard mkdir(temp, 0o755) == 0 else { throw StrataError.system("mkdir", temp) }
        var done = false
        defer { if !done { try? Files.removeTree(temp) } }
        let result = try LayerUnpacker.unpack(blob: layout.blobPath(blob), into: temp, what: what, limits: limits)
        guard result.diffID == diffID else {
            throw StrataError("verify layer", what, reason: "uncompressed content has digest \(result.diffID), the config's diff_id is \(diffID)")
        }
        chmod(temp, 0o755)
        if rename(temp, final) != 0 {
            let e = errno
            // Another process unpacked the same chain first: theirs is as good as ours.
            guard e == EEXIST || e == ENOTEMPTY else { throw StrataError("rename", final, errno: e) }
            try? Files.removeTree(temp)
        }
        done = true
        progress.emit(.layerUnpacked(chain: chain, bytes: result.bytes, cached: false))
    }
}
