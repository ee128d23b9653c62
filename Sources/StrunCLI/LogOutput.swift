#if canImport(Glibc)
import Glibc
#endif
import Logging
import StrataSystem
import StrataRuntime
import StrataSpec

/// swift-log handler for `--log FILE --log-format text|json`.
///
/// json writes one `{"level","msg","time"}` object per line: containerd's shim shows the
/// last error line of this file to the user. text follows logrus's key=value layout.
struct StrunLogHandler: LogHandler {
    enum Format: String { case text, json }

    let fd: Int32
    let format: Format
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let level = Self.name(event.level)
        let time = Clock.nowRFC3339()
        let message = "\(event.message)"
        let line: String
        switch format {
        case .json:
            line = "{\"level\":\"\(level)\",\"msg\":\"\(JSONText.escape(message))\",\"time\":\"\(time)\"}\n"
        case .text:
            line = "time=\"\(time)\" level=\(level) msg=\"\(JSONText.escape(message))\"\n"
        }
        try? Files.writeAll(fd: fd, Array(line.utf8), name: "log")
    }

    /// logrus's level names, which clients parse.
    static func name(_ level: Logger.Level) -> String {
        switch level {
        case .trace: return "trace"
        case .debug: return "debug"
        case .info, .notice: return "info"
        case .warning: return "warning"
        case .error: return "error"
        case .critical: return "fatal"
        }
    }
}

/// JSON string escaping for log lines and hand-written JSON output.
enum JSONText {
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
