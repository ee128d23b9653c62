#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The one error type used above the syscall layer.
///
/// It carries the failed operation, the object it acted on (a path, a container id, a
/// field), the errno when a system call failed, and an optional human reason. Messages are
/// lower-case and always name the object, e.g. `open /run/strun/x/state.json: no such file
/// or directory` or `container "x" does not exist`.
public struct StrataError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What was attempted: `mount`, `open`, `write uid_map`, `validate`, ...
    public var operation: String
    /// What it was attempted on: a path, an id, a JSON path.
    public var object: String
    /// The errno of the failing system call, or 0 when the failure is logical.
    public var errno: Int32
    /// A reason used instead of `strerror(errno)` when `errno` is 0, or appended to it.
    public var reason: String?
    /// Outer steps, outermost first, prefixed to the message (`create container x: ...`).
    public var context: [String]
    /// When set, `description` is exactly this text (kept for runc's phrases that
    /// clients such as containerd match on, e.g. "container not running").
    public var verbatim: String?

    public init(_ operation: String, _ object: String, errno: Int32 = 0, reason: String? = nil) {
        self.operation = operation
        self.object = object
        self.errno = errno
        self.reason = reason
        self.context = []
        self.verbatim = nil
    }

    /// A failure whose whole message is fixed text (no operation/object formatting).
    public static func message(_ text: String, errno: Int32 = 0) -> StrataError {
        var e = StrataError("", "", errno: errno)
        e.verbatim = text
        return e
    }

    /// A failed system call: `operation object: strerror(errno)`.
    public static func system(_ operation: String, _ object: String, errno: Int32 = currentErrno()) -> StrataError {
        StrataError(operation, object, errno: errno)
    }

    /// Returns a copy with `step` prefixed to the message.
    public func within(_ step: String) -> StrataError {
        var copy = self
        copy.context.insert(step, at: 0)
        return copy
    }

    public var description: String {
        var core: String
        if let verbatim {
            core = verbatim
        } else {
            // The object may quote a value (a map written to /proc, a config string):
            // its control characters are shown escaped, so a message stays one line.
            let shownObject = Self.escapingControlCharacters(object)
            let head = shownObject.isEmpty ? operation : (operation.isEmpty ? shownObject : "\(operation) \(shownObject)")
            var tail: [String] = []
            if let reason { tail.append(reason) }
            if errno != 0 { tail.append(errnoString(errno)) }
            core = tail.isEmpty ? head : "\(head): \(tail.joined(separator: ": "))"
        }
        if context.isEmpty { return core }
        return (context + [core]).joined(separator: ": ")
    }

    /// `text` with newlines, tabs and other control characters written as Go escapes
    /// (`\n`, `\t`, `\x1b`), as runc shows a quoted value.
    public static func escapingControlCharacters(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7f {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\x" + (hex.count < 2 ? "0" : "") + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}

/// The calling thread's errno.
@inlinable @inline(__always)
public func currentErrno() -> Int32 {
    #if canImport(Glibc)
    return Glibc.errno
    #else
    return Musl.errno
    #endif
}

/// `strerror` in Go's style (lower-case first letter), which runc's messages use and
/// clients expect, e.g. "no such file or directory".
public func errnoString(_ code: Int32) -> String {
    guard let raw = strerror(code) else { return "errno \(code)" }
    var text = String(cString: raw)
    if let first = text.first, first.isUppercase {
        text = first.lowercased() + text.dropFirst()
    }
    return text
}
