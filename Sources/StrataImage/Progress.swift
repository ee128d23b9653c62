import Foundation

/// What a pull reports as it goes; the CLI turns these into bars, lines or nothing.
public enum ProgressEvent: Sendable {
    case resolved(reference: String, digest: Digest)
    case blobProgress(Digest, done: Int64, total: Int64)
    case blobDone(Digest, size: Int64, cached: Bool)
    case layerUnpacked(chain: Digest, bytes: Int64, cached: Bool)
    case stored(id: Digest)
}

/// A receiver of progress events (thread-safe: layers report from concurrent tasks).
public struct ProgressSink: Sendable {
    let handler: (@Sendable (ProgressEvent) -> Void)?

    public init(_ handler: (@Sendable (ProgressEvent) -> Void)?) { self.handler = handler }

    public static let none = ProgressSink(nil)

    func emit(_ e: ProgressEvent) { handler?(e) }
}
