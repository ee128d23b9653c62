#if canImport(Glibc)
import Glibc
#endif

/// Unbuffered writes to stdout and stderr: a live table must appear at once, and a line
/// to stderr must not wait for stdout's buffer.
enum StatsOutput {
    static func write(_ text: String) { put(text, to: 1) }
    static func warn(_ text: String) { put(text + "\n", to: 2) }

    static func put(_ text: String, to fd: Int32) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return }
            bytes = bytes.dropFirst(n)
        }
    }
}
