import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// One k8s-file log entry.
public struct LogEntry: Sendable, Equatable {
    public var timestamp: String
    public var stream: String
    /// False for a `P` piece: the line goes on in the next entry.
    public var complete: Bool
    public var text: ArraySlice<UInt8>

    /// Parses `TIMESTAMP STREAM TAG TEXT`; nil for a malformed line.
    public init?(line: ArraySlice<UInt8>) {
        var fields: [ArraySlice<UInt8>] = []
        var rest = line
        for _ in 0..<3 {
            guard let space = rest.firstIndex(of: UInt8(ascii: " ")) else { return nil }
            fields.append(rest[rest.startIndex..<space])
            rest = rest[(space + 1)...]
        }
        timestamp = String(decoding: fields[0], as: UTF8.self)
        stream = String(decoding: fields[1], as: UTF8.self)
        complete = fields[2].first != UInt8(ascii: "P")
        text = rest
    }

    /// What the container wrote: the text, plus the newline a complete entry stood for.
    public var bytes: [UInt8] { Array(text) + (complete ? [UInt8(ascii: "\n")] : []) }
}

/// Reads a container's log (the rotated `.1` file first), for `strata logs`.
public struct LogReader {
    public let path: String

    public init(path: String) { self.path = path }

    /// Every entry at or after `since` (a timestamp in the log's own format), the last
    /// `tail` lines only when given.
    public func entries(since: String? = nil, tail: Int? = nil) -> [LogEntry] {
        var out: [LogEntry] = []
        for file in [path + ".1", path] {
            guard let bytes = try? Files.read(file) else { continue }
            out += Self.parse(bytes[...])
        }
        if let since { out = out.filter { $0.timestamp >= since } }
        if let tail { out = Array(out.suffix(Self.entriesForLastLines(out, tail))) }
        return out
    }

    /// How many trailing entries make up the last `lines` complete lines.
    static func entriesForLastLines(_ entries: [LogEntry], _ lines: Int) -> Int {
        var seen = 0
        var count = 0
        for entry in entries.reversed() {
            if entry.complete {
                if seen == lines { break }
                seen += 1
            }
            count += 1
        }
        return count
    }

    public static func parse(_ bytes: ArraySlice<UInt8>) -> [LogEntry] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true).compactMap { LogEntry(line: $0) }
    }

    /// Turns `--since` (a duration ago like 10m, unix seconds, or an RFC 3339 time) into
    /// a timestamp comparable with the log's.
    public static func sinceTimestamp(_ text: String) throws(StrataError) -> String {
        if text.contains("T") && text.contains("-") {
            // RFC 3339 in UTC: pad the fraction to nine digits so strings compare as times.
            var core = text.hasSuffix("Z") ? String(text.dropLast()) : text
            if !core.contains(".") { core += "." }
            let fraction = core.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
            core += String(repeating: "0", count: max(0, 9 - fraction.count))
            return core + "Z"
        }
        if let seconds = Double(text) {
            return LogWriter.timestamp(timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.down)) * 1e9)))
        }
        let ago = try Units.duration(text, flag: "--since")
        var now = WallClock.now()
        now.tv_sec -= Int(ago / 1_000_000_000)
        now.tv_nsec -= Int(ago % 1_000_000_000)
        if now.tv_nsec < 0 { now.tv_nsec += 1_000_000_000; now.tv_sec -= 1 }
        return LogWriter.timestamp(now)
    }
}
