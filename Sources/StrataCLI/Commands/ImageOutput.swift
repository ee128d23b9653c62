import Foundation
import StrataImage
import StrataSystem

/// JSON text for `--format json` (sorted keys, so scripts and tests see a stable order).
enum CLIJSON {
    static func text(_ value: Any) throws -> String {
        let data = try JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self)
    }
}

/// Table and unit text of the image commands.
enum ImageCommandText {
    /// `repo:tag` → (repo, tag); a digest name shows `<none>` as its tag.
    static func split(_ name: String) -> (String, String) {
        if let at = name.firstIndex(of: "@") { return (String(name[..<at]), "<none>") }
        let slash = name.lastIndex(of: "/") ?? name.startIndex
        if let colon = name[slash...].lastIndex(of: ":") {
            return (String(name[..<colon]), String(name[name.index(after: colon)...]))
        }
        return (name, "<none>")
    }

    static func bytes(_ n: Int64) -> String {
        let units = ["B", "kB", "MB", "GB", "TB"]
        var v = Double(n)
        var u = 0
        while v >= 1000 && u < units.count - 1 { v /= 1000; u += 1 }
        return u == 0 ? "\(n) B" : String(format: v < 10 ? "%.2f" : "%.1f", v) + " " + units[u]
    }

    static func age(_ rfc3339: String?) -> String {
        guard let s = rfc3339 else { return "unknown" }
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        guard let date = f.date(from: s) ?? ISO8601DateFormatter().date(from: s) else { return "unknown" }
        let secs = Int(Date().timeIntervalSince(date))
        switch secs {
        case ..<60: return "\(max(secs, 0)) seconds ago"
        case ..<3600: return "\(secs / 60) minutes ago"
        case ..<86400: return "\(secs / 3600) hours ago"
        case ..<(86400 * 365): return "\(secs / 86400) days ago"
        default: return "\(secs / (86400 * 365)) years ago"
        }
    }

    /// Left-aligned columns, two spaces apart.
    static func columns(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for r in rows { for (i, c) in r.enumerated() { widths[i] = max(widths[i], c.count) } }
        return rows.map { r in
            r.enumerated().map { i, c in i == r.count - 1 ? c : c.padding(toLength: widths[i] + 2, withPad: " ", startingAt: 0) }.joined()
        }.joined(separator: "\n") + "\n"
    }
}

/// Pull progress on stderr: one bar per blob with bytes and rate on a terminal, one line
/// per finished blob otherwise, nothing with --quiet.
final class PullProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let enabled: Bool
    private let tty = isatty(2) == 1
    private var order: [Digest] = []
    private var state: [Digest: (done: Int64, total: Int64, text: String?)] = [:]
    private let start = Date()
    private var drawn = 0
    private var lastDraw = Date.distantPast

    init(enabled: Bool) { self.enabled = enabled }

    func handle(_ e: ProgressEvent) {
        guard enabled else { return }
        lock.lock()
        defer { lock.unlock() }
        switch e {
        case .resolved(let ref, let digest):
            emit("Resolved \(ref) to \(digest)")
        case .blobProgress(let d, let done, let total):
            if state[d] == nil { order.append(d) }
            state[d] = (done, total, nil)
            if tty { redraw(force: false) }
        case .blobDone(let d, let size, let cached):
            if state[d] == nil { order.append(d) }
            let text = cached ? "Copying blob \(d.short) skipped: already exists"
                              : "Copying blob \(d.short) done (\(ImageCommandText.bytes(size)))"
            state[d] = (size, size, text)
            if tty { redraw(force: true) } else { emit(text) }
        case .layerUnpacked(let chain, let bytes, let cached):
            if !cached && !tty { emit("Unpacked layer \(chain.short) (\(ImageCommandText.bytes(bytes)))") }
        case .stored:
            if tty { redraw(force: true) }
            emit("Writing manifest to image destination")
        }
    }

    func finish() {}

    private func emit(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
        if tty { drawn = 0 }
    }

    private func redraw(force: Bool) {
        let now = Date()
        guard force || now.timeIntervalSince(lastDraw) > 0.1 else { return }
        lastDraw = now
        var out = drawn > 0 ? "\u{1B}[\(drawn)A" : ""
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        for d in order {
            guard let s = state[d] else { continue }
            let line: String
            if let text = s.text {
                line = text
            } else {
                let width = 30
                let filled = s.total > 0 ? Int(Double(width) * Double(s.done) / Double(s.total)) : 0
                let bar = String(repeating: "=", count: filled) + String(repeating: " ", count: width - filled)
                line = "Copying blob \(d.short) [\(bar)] \(ImageCommandText.bytes(s.done)) / \(ImageCommandText.bytes(s.total)) \(ImageCommandText.bytes(Int64(Double(s.done) / elapsed)))/s"
            }
            out += "\u{1B}[2K" + line + "\n"
        }
        drawn = order.count
        FileHandle.standardError.write(Data(out.utf8))
    }
}
