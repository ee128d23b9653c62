import ArgumentParser
import StrataEngine
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Prints log entries to our stdout or stderr, by the stream they came from.
enum LogPrinter {
    /// Prints entries past the first `after`; returns the new count.
    static func printNew(_ reader: LogReader, after: Int, timestamps: Bool = false) -> Int {
        let entries = reader.entries()
        // A rotation shortens the list: start again from its beginning.
        let start = entries.count < after ? 0 : after
        for entry in entries[start...] { write(entry, timestamps: timestamps) }
        return entries.count
    }

    static func write(_ entry: LogEntry, timestamps: Bool) {
        var bytes = entry.bytes
        if timestamps { bytes = Array((entry.timestamp + " ").utf8) + bytes }
        try? Files.writeAll(fd: entry.stream == "stderr" ? 2 : 1, bytes, name: entry.stream)
    }
}

/// `strata logs`: the container's output from its k8s-file log.
struct LogsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logs", abstract: "Print a container's output.")
    @OptionGroup var engineOptions: EngineOptions
    @Flag(name: .shortAndLong, help: "Keep printing new output until the container exits.")
    var follow = false
    @Option(help: "Only the last N lines.")
    var tail: Int?
    @Option(help: "Only output since a time (RFC 3339, unix seconds) or a duration ago (10m).")
    var since: String?
    @Flag(name: .shortAndLong, help: "Prefix each line with its time.")
    var timestamps = false
    @Argument(help: "Container name or id.")
    var container: String

    func run() throws {
        let engine = try engineOptions.engine()
        let record = try engine.store.find(container)
        let reader = LogReader(path: engine.root.logFile(record.id))
        let sinceStamp = try since.map { s throws(StrataError) in try LogReader.sinceTimestamp(s) }
        let entries = reader.entries(since: sinceStamp, tail: tail)
        for entry in entries { LogPrinter.write(entry, timestamps: timestamps) }
        guard follow else { return }
        var seen = reader.entries().count
        while true {
            let active = engine.isActive((try? engine.store.find(record.id)) ?? record)
            seen = LogPrinter.printNew(reader, after: seen, timestamps: timestamps)
            if !active { return }
            usleep(50_000)
        }
    }
}
