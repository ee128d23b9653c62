import StrataSpec
import StrataSystem

/// Finds containers by asking the runtime that made them, the way cAdvisor asks a
/// runtime rather than guessing from cgroup names: `RUNTIME --root R list --format json`
/// once per state root. `strata` never links the runtime library; its command line is the
/// interface (and so runc or crun state roots work with their own binaries too).
///
/// One root may hold containers of several runtimes (containerd's shim root holds what
/// every `BinaryName` made in a namespace, strun's and runc's alike), and each runtime
/// lists only the state it can read. So the directories of a root that the runtime did
/// not list are offered to the `others` (runc, crun), and those that no runtime lists are
/// reported in `Listing.unlisted`, never dropped silently.
public struct RuntimeLister: Sendable {
    /// Path of the runtime binary.
    public var runtime: String
    /// State roots to list; missing directories are skipped (a client that never ran has none).
    public var roots: [String]
    /// Runtimes asked about the directories `runtime` did not list (default: runc and crun
    /// where installed).
    public var others: [String]

    public init(runtime: String, roots: [String], others: [String]? = nil) {
        self.runtime = runtime
        self.roots = roots
        self.others = (others ?? ["runc", "crun"].compactMap(RuntimeBinary.searchPath)).filter { $0 != runtime }
    }

    /// What the listing found: the containers, and per root the ids of state directories
    /// that no runtime could list.
    public struct Listing: Sendable {
        public var containers: [ListedContainer] = []
        public var unlisted: [(root: String, ids: [String])] = []

        /// One line per root with unlisted directories, for a warning.
        public var notes: [String] {
            unlisted.map { "\($0.root): \($0.ids.count) container(s) no runtime here can list "
                + "(\($0.ids.joined(separator: ", "))): not shown" }
        }
    }

    /// Every container under every root, in root order, stopped ones included.
    public func list() throws(StrataError) -> [ListedContainer] {
        try listing().containers
    }

    /// Every container under every root, and what could not be listed.
    public func listing() throws(StrataError) -> Listing {
        var out = Listing()
        for root in roots where Files.isDirectory(root) {
            var found = try Self.run(runtime, root: root)
            var missing = Self.stateDirectories(root).filter { id in !found.contains { $0.id == id } }
            // Asked one id at a time (`state ID`): runc's `list` fails on a whole root as soon
            // as one directory holds state it cannot read, strun's included. A runtime that
            // cannot read an id is only asked, never an error.
            for other in others where !missing.isEmpty {
                let claimed = missing.compactMap { id in try? Self.state(other, root: root, id: id) }
                found += claimed
                missing.removeAll { id in claimed.contains { $0.id == id } }
            }
            out.containers += found
            if !missing.isEmpty { out.unlisted.append((root, missing)) }
        }
        return out
    }

    /// `RUNTIME --root ROOT list --format json`, each entry marked with who listed it.
    static func run(_ runtime: String, root: String) throws(StrataError) -> [ListedContainer] {
        let (status, output) = try Capture.run([runtime, "--root", root, "list", "--format", "json"])
        guard status == .exited(0) else {
            let text = String(decoding: output, as: UTF8.self).trimmingASCIIWhitespace()
            throw StrataError("list containers", root, reason: "\(runtime) \(describe(status)): \(text)")
        }
        return try parse(output, root: root).map { container in
            var container = container
            container.lister = runtime
            return container
        }
    }

    /// `RUNTIME --root ROOT state ID`: one container, nil when that runtime cannot read it.
    static func state(_ runtime: String, root: String, id: String) throws(StrataError) -> ListedContainer? {
        let (status, output) = try Capture.run([runtime, "--root", root, "state", id])
        guard status == .exited(0) else { return nil }
        let wrapped = Array("[".utf8) + output + Array("]".utf8)
        guard var container = try parse(wrapped, root: root).first, container.id == id else { return nil }
        container.lister = runtime
        return container
    }

    /// The directories of a root that hold a container's state: a `state.json` (runc,
    /// strun) or a `status` file (crun); `@cache` and dot entries are the runtimes' own.
    static func stateDirectories(_ root: String) -> [String] {
        guard let names = try? Files.list(root) else { return [] }
        return names.filter { name in
            !name.hasPrefix("@") && !name.hasPrefix(".")
                && (Files.exists(root + "/" + name + "/state.json") || Files.exists(root + "/" + name + "/status"))
        }.sorted()
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
