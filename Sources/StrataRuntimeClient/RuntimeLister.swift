import StrataSpec
import StrataSystem

/// Finds containers by asking the runtime that made them, the way cAdvisor asks a
/// runtime rather than guessing from cgroup names: `RUNTIME --root R list --format json`
/// once per state root. `strata` never links the runtime library; its command line is the
/// interface (and so runc or crun state roots work with their own binaries too).
public struct RuntimeLister: Sendable {
    /// Path of the runtime binary.
    public var runtime: String
    /// State roots to list; missing directories are skipped (a client that never ran has none).
    public var roots: [String]

    public init(runtime: String, roots: [String]) {
        self.runtime = runtime
        self.roots = roots
    }

    /// Every container under every root, in root order, stopped ones included.
    public func list() throws(StrataError) -> [ListedContainer] {
        var out: [ListedContainer] = []
        for root in roots where Files.isDirectory(root) {
            let (status, output) = try Capture.run([runtime, "--root", root, "list", "--format", "json"])
            guard status == .exited(0) else {
                let text = String(decoding: output, as: UTF8.self).trimmingASCIIWhitespace()
                throw StrataError("list containers", root, reason: "\(runtime) \(Self.describe(status)): \(text)")
            }
            out += try Self.parse(output, root: root)
        }
        return out
    }

    static func describe(_ status: ExitStatus) -> String {
        switch status {
        case .exited(let code): return "exited with status \(code)"
        case .signaled(let signal): return "was killed by signal \(signal)"
        }
    }

    /// The JSON array `list --format json` prints (runc prints `null` for none).
    public static func parse(_ bytes: [UInt8], root: String) throws(StrataError) -> [ListedContainer] {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: bytes)
        } catch {
            throw StrataError("parse", "list output of \(root)", reason: error.description)
        }
        if value == .null { return [] }
        guard case .array(let items) = value else {
            throw StrataError("parse", "list output of \(root)", reason: "expected an array, got \(value.kindName)")
        }
        var out: [ListedContainer] = []
        for item in items {
            guard case .object(let fields) = item, case .string(let id)? = fields["id"] else {
                throw StrataError("parse", "list output of \(root)", reason: "an entry has no \"id\"")
            }
            out.append(ListedContainer(id: id, pid: Int32(clamping: fields["pid"]?.integer ?? 0),
                                       status: fields["status"]?.string ?? "unknown",
                                       bundle: fields["bundle"]?.string ?? "", root: root))
        }
        return out
    }
}

extension JSONValue {
    var integer: Int64? {
        switch self {
        case .int(let value): return value
        case .uint(let value): return Int64(clamping: value)
        default: return nil
        }
    }

    var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }
}
