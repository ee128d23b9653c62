import AsyncHTTPClient
import Foundation
import NIOCore
import StrataSystem

/// Manifests and blobs from a registry into the content store, each verified by digest and
/// size before it gets its content-addressed name.
struct BlobFetcher {
    let client: RegistryClient
    let layout: StoreLayout
    let repository: String
    let progress: ProgressSink

    /// Largest manifest accepted (the distribution spec's own limit is 4 MiB).
    static let maxManifestBytes = 4 << 20

    /// A manifest or index by tag or digest. When asked by digest the body must hash to it;
    /// when asked by tag, to the registry's Docker-Content-Digest if it sends one.
    func manifest(_ reference: String, what: String) async throws -> (bytes: [UInt8], digest: Digest, mediaType: String) {
        let r = try await client.send("\(repository)/manifests/\(reference)", repository: repository, accept: MediaType.manifestAccept)
        let buffer: ByteBuffer
        do {
            buffer = try await r.body.collect(upTo: BlobFetcher.maxManifestBytes)
        } catch {
            throw StrataError("read manifest", what, reason: "larger than 4 MiB or cut short: \(RegistryClient.describe(error))")
        }
        let bytes = Array(buffer.readableBytesView)
        let digest = Digest.of(bytes)
        if reference.hasPrefix("sha256:"), reference != digest.description {
            throw StrataError("verify manifest", what, reason: "content has digest \(digest), not the \(reference) asked for")
        }
        if let header = r.headers.first(name: "Docker-Content-Digest"), header.hasPrefix("sha256:"), header != digest.description {
            throw StrataError("verify manifest", what, reason: "content has digest \(digest), the registry says \(header)")
        }
        let headerType = r.headers.first(name: "Content-Type").map { String($0.split(separator: ";")[0]) }
        let mediaType = JSONDocs.mediaType(of: bytes) ?? headerType ?? ""
        return (bytes, digest, mediaType)
    }

    /// Ensures the blob is in the store; downloads it only when absent. Returns true when it was fetched.
    @discardableResult
    func blob(_ d: Descriptor, what: String) async throws -> Bool {
        let final = layout.blobPath(d.digest)
        var st = stat()
        if lstat(final, &st) == 0 && Int64(st.st_size) == d.size {
            progress.emit(.blobDone(d.digest, size: d.size, cached: true))
            return false
        }
        var lastError: Error?
        for attempt in 1...3 {
            do {
                try await download(d, to: final, what: what)
                progress.emit(.blobDone(d.digest, size: d.size, cached: false))
                return true
            } catch let e as StrataError where e.operation.hasPrefix("verify") || e.operation.hasPrefix("GET") {
                throw e   // the content is wrong or refused: another try would not fix it
            } catch {
                lastError = error
                if attempt < 3 { try await Task.sleep(nanoseconds: UInt64(250_000_000 << (attempt - 1))) }
            }
        }
        throw lastError ?? StrataError("download", what)
    }

    /// Streams the blob into tmp/, hashing and counting; renames it into blobs/ only when both match.
    private func download(_ d: Descriptor, to final: String, what: String) async throws {
        let r = try await client.send("\(repository)/blobs/\(d.digest)", repository: repository, timeout: .hours(2))
        let temp = layout.tempPath("blob")
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StrataError.system("create", temp) }
        var committed = false
        defer {
            close(fd)
            if !committed { unlink(temp) }
        }
        var hasher = DigestHasher()
        do {
            for try await chunk in r.body {
                if hasher.count + Int64(chunk.readableBytes) > d.size {
                    throw StrataError("verify blob", what, reason: "more than the \(d.size) bytes its descriptor gives")
                }
                try chunk.withUnsafeReadableBytes { (raw) throws(StrataError) in
                    hasher.update(raw)
                    try RawIO.writeAll(fd, raw, name: temp)
                }
                progress.emit(.blobProgress(d.digest, done: hasher.count, total: d.size))
            }
        } catch let e as StrataError {
            throw e
        } catch {
            throw StrataError("download blob", what, reason: "\(RegistryClient.describe(error)) after \(hasher.count) of \(d.size) bytes")
        }
        guard hasher.count == d.size else {
            throw StrataError("verify blob", what, reason: "got \(hasher.count) bytes, its descriptor gives \(d.size) (truncated)")
        }
        let got = hasher.finish()
        guard got == d.digest else {
            throw StrataError("verify blob", what, reason: "content has digest \(got)")
        }
        guard fsync(fd) == 0 else { throw StrataError.system("fsync", temp) }
        guard rename(temp, final) == 0 else { throw StrataError.system("rename", final) }
        committed = true
    }
}

/// Stores bytes already in memory and verified (manifests, configs) under their digest.
enum BlobWriter {
    static func put(_ bytes: [UInt8], digest: Digest, layout: StoreLayout) throws(StrataError) {
        let final = layout.blobPath(digest)
        if Files.exists(final) { return }
        let temp = layout.tempPath("blob")
        try Files.write(temp, bytes, mode: 0o600)
        guard rename(temp, final) == 0 else {
            let e = errno
            unlink(temp)
            throw StrataError("rename", final, errno: e)
        }
    }
}

/// write(2) of a whole buffer, without copying it into an array first.
enum RawIO {
    static func writeAll(_ fd: Int32, _ raw: UnsafeRawBufferPointer, name: String) throws(StrataError) {
        var offset = 0
        while offset < raw.count {
            let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                throw StrataError.system("write", name)
            }
            offset += n
        }
    }
}
