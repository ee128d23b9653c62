import StrataSpec
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Writes a container's output in the k8s-file format (CRI's, which Podman also uses):
/// `2026-12-07T21:54:48.123456789Z stdout F text` per line; a line cut by a buffer edge is
/// written as `P` (partial) pieces ending in one `F`. When the file passes `maxSize` it is
/// renamed to `<path>.1` (replacing the older one) and a new file begins.
public final class LogWriter {
    public let path: String
    public let maxSize: Int64
    var fd: Int32
    var size: Int64
    /// A stream's unfinished line, carried to the next chunk.
    var pending: [String: [UInt8]] = [:]

    public init(path: String, maxSize: Int64) throws(StrataError) {
        self.path = path
        self.maxSize = maxSize
        fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StrataError.system("open", path) }
        var st = stat()
        size = fstat(fd, &st) == 0 ? Int64(st.st_size) : 0
    }

    deinit { close(fd) }

    /// Appends a chunk read from `stream` ("stdout" or "stderr").
    public func write(_ bytes: ArraySlice<UInt8>, stream: String) {
        var buffer = (pending[stream] ?? []) + bytes
        var lines: [UInt8] = []
        let stamp = Self.timestamp()
        while let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
            lines += Self.entry(stamp, stream, "F", buffer[buffer.startIndex..<newline])
            buffer.removeSubrange(buffer.startIndex...newline)
        }
        // A long line without a newline is flushed as partial rather than held forever.
        if buffer.count >= 16384 {
            lines += Self.entry(stamp, stream, "P", buffer[...])
            buffer.removeAll()
        }
        pending[stream] = buffer
        append(lines)
    }

    /// Writes what is held back (the stream ended without a newline).
    public func flush() {
        let stamp = Self.timestamp()
        var lines: [UInt8] = []
        for (stream, rest) in pending.sorted(by: { $0.key < $1.key }) where !rest.isEmpty {
            lines += Self.entry(stamp, stream, "F", rest[...])
        }
        pending.removeAll()
        append(lines)
    }

    /// Writes a line that marks an event in the log (kept as a stdout line, like Podman's
    /// `--log-driver k8s-file` keeps only container output; used for nothing by default).
    func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        if size > 0 && size + Int64(bytes.count) > maxSize { rotate() }
        try? Files.writeAll(fd: fd, bytes, name: path)
        size += Int64(bytes.count)
    }

    func rotate() {
        _ = rename(path, path + ".1")
        let fresh = open(path, O_WRONLY | O_CREAT | O_APPEND | O_TRUNC | O_CLOEXEC, 0o600)
        guard fresh >= 0 else { return }
        close(fd)
        fd = fresh
        size = 0
    }

    static func entry(_ stamp: String, _ stream: String, _ tag: String, _ text: ArraySlice<UInt8>) -> [UInt8] {
        Array("\(stamp) \(stream) \(tag) ".utf8) + text + [UInt8(ascii: "\n")]
    }

    /// RFC 3339 with all nine digits of nanoseconds, UTC: fixed width, so timestamps in the
    /// log compare as strings (`--since`). The date part is the runtime state's formatter
    /// (which, like Go's RFC3339Nano, trims the fraction, so it is given none).
    public static func timestamp(_ now: timespec = WallClock.now()) -> String {
        let whole = StrataSpec.ContainerState.timestamp(seconds: Int64(now.tv_sec), nanoseconds: 0)
        let nanos = String(now.tv_nsec)
        return String(whole.dropLast()) + "." + String(repeating: "0", count: max(0, 9 - nanos.count)) + nanos + "Z"
    }
}

/// The wall clock.
public enum WallClock {
    public static func now() -> timespec {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return ts
    }

    /// Seconds since the epoch, fractional.
    public static func seconds() -> Double {
        let ts = now()
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
