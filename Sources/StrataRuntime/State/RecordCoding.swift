import StrataSystem
import StrataSpec

/// state.json is the OCI state document (what `strun state` prints) plus one extra member,
/// "strata", holding what only the runtime needs. Encoding goes through the spec module's
/// JSON reader and writer: FoundationEssentials' JSONEncoder costs about 0.5 ms of type
/// metadata work on the first call, on every container start.
extension ContainerRecord {
    static let extraKey = "strata"

    func document(status: ContainerStatus) -> ContainerState {
        var state = StateView.state(self, status: status)
        // The file keeps the pid even for a stopped container: it identifies the init.
        state.pid = Int(pid)
        var extra: [String: JSONValue] = [
            "initStartTime": .uint(initStartTime),
            "cgroupsPath": .string(cgroupsPath),
            "privatePidNamespace": .bool(privatePidNamespace),
            "started": .bool(started),
            "terminal": .bool(terminal),
            "cgroupDirectories": .array(createdCgroupDirectories.map { .string($0) }),
        ]
        if checkMemoryBeforeUpdate { extra["checkMemoryBeforeUpdate"] = .bool(true) }
        if noNewKeyring { extra["noNewKeyring"] = .bool(true) }
        if creating { extra["creating"] = .bool(true) }
        if !cgroupMade { extra["cgroupMade"] = .bool(false) }
        if let hooks = Self.hooksJSON(poststart: poststart, poststop: poststop) { extra["hooks"] = hooks }
        state.unknownFields[Self.extraKey] = .object(extra)
        return state
    }

    init(document state: ContainerState, file: String) throws(StrataError) {
        guard case .object(let extra)? = state.unknownFields[Self.extraKey] else {
            throw StrataError("decode state", file, reason: "no \"\(Self.extraKey)\" member")
        }
        func number(_ key: String) -> UInt64 {
            switch extra[key] {
            case .uint(let v)?: return v
            case .int(let v)? where v >= 0: return UInt64(v)
            default: return 0
            }
        }
        func flag(_ key: String) -> Bool {
            if case .bool(let v)? = extra[key] { return v }
            return false
        }
        var cgroups = ""
        if case .string(let s)? = extra["cgroupsPath"] { cgroups = s }
        let hooks = Self.hooks(from: extra["hooks"])
        guard let pid = Int32(exactly: state.pid ?? 0), pid >= 0 else {
            throw StrataError("decode state", file, reason: "pid \(state.pid ?? 0) is out of range")
        }
        self.init(ociVersion: state.ociVersion, id: state.id, pid: pid,
                  initStartTime: number("initStartTime"), bundle: state.bundle, rootfs: state.rootfs ?? "",
                  created: state.created ?? "", owner: state.owner ?? "", annotations: state.annotations,
                  cgroupsPath: cgroups, privatePidNamespace: flag("privatePidNamespace"),
                  started: flag("started"), poststart: hooks?.poststart, poststop: hooks?.poststop,
                  terminal: flag("terminal"))
        checkMemoryBeforeUpdate = flag("checkMemoryBeforeUpdate")
        noNewKeyring = flag("noNewKeyring")
        creating = flag("creating")
        if case .bool(false)? = extra["cgroupMade"] { cgroupMade = false }
        if case .array(let dirs)? = extra["cgroupDirectories"] {
            createdCgroupDirectories = dirs.compactMap { if case .string(let d) = $0 { return d } else { return nil } }
        }
    }

    /// Hooks have no public JSON entry of their own: they travel inside a minimal Spec.
    private static func hooksJSON(poststart: [Hook]?, poststop: [Hook]?) -> JSONValue? {
        if (poststart ?? []).isEmpty && (poststop ?? []).isEmpty { return nil }
        let spec = Spec(ociVersion: "", hooks: Hooks(poststart: poststart, poststop: poststop))
        if case .object(let members) = spec.jsonValue { return members["hooks"] }
        return nil
    }

    private static func hooks(from value: JSONValue?) -> Hooks? {
        guard let value else { return nil }
        let wrapper = JSONValue.object(["ociVersion": .string(""), "hooks": value])
        return (try? Spec.load(fromJSON: Array(wrapper.jsonText().utf8)))?.hooks
    }
}
