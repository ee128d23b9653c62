#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One reason a config is not acceptable, with the JSON path it is about.
public struct SpecProblem: Sendable, Hashable, CustomStringConvertible {
    /// The JSON path, such as `linux.namespaces[2].type`.
    public var path: String
    /// What is wrong, lower-case.
    public var reason: String

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? reason : path + ": " + reason }
}

/// Checks a decoded config against the rules a Linux runtime must enforce before creating
/// anything. Pure: it reads nothing from the filesystem, so it can run in the policy layer or a
/// test; `checkRootfs` is the one separate, filesystem-touching check.
public struct SpecValidator: Sendable {
    public init() {}

    /// Every problem found, in document order; empty means valid.
    public func problems(in spec: Spec) -> [SpecProblem] {
        var found = Problems()
        if spec.ociVersion.isEmpty { found.add("ociVersion", "must be set") }
        if let root = spec.root {
            if root.path.isEmpty { found.add("root.path", "must be set") }
        } else {
            found.add("root", "must be set")
        }
        if let process = spec.process { checkProcess(process, &found) }
        let namespaces = Set((spec.linux?.namespaces ?? []).map(\.type))
        if spec.hostname.map({ !$0.isEmpty }) == true && !namespaces.contains("uts") {
            found.add("hostname", "set without a uts namespace")
        }
        if spec.domainname.map({ !$0.isEmpty }) == true && !namespaces.contains("uts") {
            found.add("domainname", "set without a uts namespace")
        }
        for (index, mount) in (spec.mounts ?? []).enumerated() {
            checkMount(mount, path: "mounts[\(index)]", &found)
        }
        if let hooks = spec.hooks { checkHooks(hooks, &found) }
        if let linux = spec.linux { checkLinux(linux, namespaces: namespaces, &found) }
        checkUserNamespace(spec, &found)
        return found.list
    }

    /// Checks that the rootfs exists and is a directory. Kept apart from `problems(in:)`
    /// because it touches the filesystem; the problem names the resolved path.
    public static func checkRootfs(of spec: Spec, bundle: String) -> SpecProblem? {
        guard let path = spec.rootfsPath(bundle: bundle) else {
            return SpecProblem(path: "root.path", reason: "must be set")
        }
        var st = stat()
        guard stat(path, &st) == 0 else {
            return SpecProblem(path: "root.path", reason: "rootfs \(path) does not exist")
        }
        guard (st.st_mode & S_IFMT) == S_IFDIR else {
            return SpecProblem(path: "root.path", reason: "rootfs \(path) is not a directory")
        }
        return nil
    }

    // MARK: - Sections

    private func checkProcess(_ process: Process, _ found: inout Problems) {
        if (process.args ?? []).isEmpty { found.add("process.args", "must not be empty") }
        if !process.cwd.hasPrefix("/") {
            found.add("process.cwd", "must be an absolute path, got \"\(process.cwd)\"")
        }
        if let capabilities = process.capabilities {
            let sets: [(String, [String]?)] = [
                ("bounding", capabilities.bounding), ("effective", capabilities.effective),
                ("inheritable", capabilities.inheritable), ("permitted", capabilities.permitted),
                ("ambient", capabilities.ambient),
            ]
            for (set, names) in sets {
                for (index, name) in (names ?? []).enumerated() where Capabilities.number(of: name) == nil {
                    found.add("process.capabilities.\(set)[\(index)]", "unknown capability \"\(name)\"")
                }
            }
        }
        var seenLimits: Set<String> = []
        for (index, limit) in (process.rlimits ?? []).enumerated() {
            let path = "process.rlimits[\(index)]"
            if Rlimits.number(of: limit.type) == nil {
                found.add(path + ".type", "unknown rlimit type \"\(limit.type)\"")
            } else if !seenLimits.insert(limit.type).inserted {
                found.add(path + ".type", "duplicate rlimit type \"\(limit.type)\"")
            }
            if limit.soft > limit.hard {
                found.add(path, "soft limit \(limit.soft) is greater than hard limit \(limit.hard)")
            }
        }
        if let adjustment = process.oomScoreAdj, !(-1000...1000).contains(adjustment) {
            found.add("process.oomScoreAdj", "must be between -1000 and 1000, got \(adjustment)")
        }
        for (index, entry) in (process.env ?? []).enumerated() {
            if let problem = Self.environmentProblem(entry) {
                found.add("process.env[\(index)]", problem)
            }
        }
    }

    /// Why an environment entry cannot be passed to execve, or nil. runc refuses an entry
    /// without `=` ("invalid environment variable"); dropping it would hide a typo.
    public static func environmentProblem(_ entry: String) -> String? {
        guard let equals = entry.firstIndex(of: "=") else {
            return "invalid environment variable \"\(entry)\": no \"=\" between name and value"
        }
        if equals == entry.startIndex {
            return "invalid environment variable \"\(entry)\": the name is empty"
        }
        if entry.utf8.contains(0) {
            return "invalid environment variable \"\(entry)\": contains a NUL byte"
        }
        return nil
    }

    /// A new user namespace (not joined by path) must say how ids map, and the process's
    /// ids must be in those maps: the kernel would refuse them at setresuid/setresgid,
    /// deep in the init and without naming the field.
    private func checkUserNamespace(_ spec: Spec, _ found: inout Problems) {
        guard let linux = spec.linux,
              let userNS = (linux.namespaces ?? []).first(where: { $0.type == "user" }),
              (userNS.path ?? "").isEmpty else { return }
        let uidMaps = linux.uidMappings ?? []
        let gidMaps = linux.gidMappings ?? []
        if uidMaps.isEmpty {
            found.add("linux.uidMappings", "a new user namespace needs uid mappings (none given)")
        }
        if gidMaps.isEmpty {
            found.add("linux.gidMappings", "a new user namespace needs gid mappings (none given)")
        }
        guard let user = spec.process?.user else { return }
        func mapped(_ id: UInt32, _ maps: [LinuxIDMapping]) -> Bool {
            maps.contains { id >= $0.containerID && UInt64(id) < UInt64($0.containerID) + UInt64($0.size) }
        }
        if !uidMaps.isEmpty && !mapped(user.uid, uidMaps) {
            found.add("process.user.uid", "\(user.uid) is not mapped in the container's user namespace (linux.uidMappings)")
        }
        if !gidMaps.isEmpty {
            if !mapped(user.gid, gidMaps) {
                found.add("process.user.gid", "\(user.gid) is not mapped in the container's user namespace (linux.gidMappings)")
            }
            for (index, gid) in (user.additionalGids ?? []).enumerated() where !mapped(gid, gidMaps) {
                found.add("process.user.additionalGids[\(index)]", "\(gid) is not mapped in the container's user namespace (linux.gidMappings)")
            }
        }
    }

    private func checkNamespaces(_ namespaces: [LinuxNamespace], _ found: inout Problems) {
        var present: Set<String> = []
        for (index, namespace) in namespaces.enumerated() {
            let path = "linux.namespaces[\(index)]"
            guard NamespaceTypes.all.contains(namespace.type) else {
                found.add(path + ".type", "unknown namespace type \"\(namespace.type)\"")
                continue
            }
            if !present.insert(namespace.type).inserted {
                found.add(path + ".type", "duplicate namespace type \"\(namespace.type)\"")
            }
            if let nsPath = namespace.path, !nsPath.isEmpty, !nsPath.hasPrefix("/") {
                found.add(path + ".path", "must be an absolute path, got \"\(nsPath)\"")
            }
        }
    }

    private func checkMount(_ mount: Mount, path: String, _ found: inout Problems) {
        if !mount.destination.hasPrefix("/") {
            found.add(path + ".destination", "must be an absolute path, got \"\(mount.destination)\"")
        }
        let hasUIDs = !(mount.uidMappings ?? []).isEmpty
        let hasGIDs = !(mount.gidMappings ?? []).isEmpty
        if hasUIDs != hasGIDs {
            found.add(path, "an idmapped mount needs both uidMappings and gidMappings")
        }
    }

    private func checkHooks(_ hooks: Hooks, _ found: inout Problems) {
        let stages: [(String, [Hook]?)] = [
            ("prestart", hooks.prestart), ("createRuntime", hooks.createRuntime),
            ("createContainer", hooks.createContainer), ("startContainer", hooks.startContainer),
            ("poststart", hooks.poststart), ("poststop", hooks.poststop),
        ]
        for (stage, list) in stages {
            for (index, hook) in (list ?? []).enumerated() {
                let path = "hooks.\(stage)[\(index)]"
                if !hook.path.hasPrefix("/") {
                    found.add(path + ".path", "must be an absolute path, got \"\(hook.path)\"")
                }
                if let timeout = hook.timeout, timeout <= 0 {
                    found.add(path + ".timeout", "must be positive, got \(timeout)")
                }
            }
        }
    }

    private func checkLinux(_ linux: Linux, namespaces: Set<String>, _ found: inout Problems) {
        checkNamespaces(linux.namespaces ?? [], &found)
        let hasUser = namespaces.contains("user")
        if !(linux.uidMappings ?? []).isEmpty && !hasUser {
            found.add("linux.uidMappings", "set without a user namespace")
        }
        if !(linux.gidMappings ?? []).isEmpty && !hasUser {
            found.add("linux.gidMappings", "set without a user namespace")
        }
        if let offsets = linux.timeOffsets, !offsets.isEmpty {
            if !namespaces.contains("time") {
                found.add("linux.timeOffsets", "set without a time namespace")
            }
            for clock in offsets.keys.sorted() where clock != "boottime" && clock != "monotonic" {
                found.add("linux.timeOffsets", "unknown clock \"\(clock)\", expected boottime or monotonic")
            }
        }
        for name in (linux.sysctl ?? [:]).keys.sorted() {
            if let problem = sysctlProblem(name, namespaces: namespaces) {
                found.add("linux.sysctl[\"\(name)\"]", problem)
            }
        }
        for (index, device) in (linux.devices ?? []).enumerated() {
            let path = "linux.devices[\(index)]"
            if !["c", "b", "u", "p"].contains(device.type) {
                found.add(path + ".type", "must be one of c, b, u, p, got \"\(device.type)\"")
            }
            if !device.path.hasPrefix("/") {
                found.add(path + ".path", "must be an absolute path, got \"\(device.path)\"")
            }
        }
        for (index, rule) in (linux.resources?.devices ?? []).enumerated() {
            let path = "linux.resources.devices[\(index)]"
            if let type = rule.type, !["a", "c", "b"].contains(type) {
                found.add(path + ".type", "must be one of a, c, b, got \"\(type)\"")
            }
            if let access = rule.access, access.contains(where: { !"rwm".contains($0) }) {
                found.add(path + ".access", "must be made of r, w, m, got \"\(access)\"")
            }
        }
        if let propagation = linux.rootfsPropagation, !propagation.isEmpty,
           MountOptions.propagationOptions[propagation] == nil {
            found.add("linux.rootfsPropagation", "unknown propagation \"\(propagation)\"")
        }
        for (index, path) in (linux.maskedPaths ?? []).enumerated() where !path.hasPrefix("/") {
            found.add("linux.maskedPaths[\(index)]", "must be an absolute path, got \"\(path)\"")
        }
        for (index, path) in (linux.readonlyPaths ?? []).enumerated() where !path.hasPrefix("/") {
            found.add("linux.readonlyPaths[\(index)]", "must be an absolute path, got \"\(path)\"")
        }
        if let seccomp = linux.seccomp { checkSeccomp(seccomp, &found) }
    }

    /// Sysctls are only allowed when the namespace that scopes them is there, as runc
    /// enforces: anything else would change the host.
    private func sysctlProblem(_ name: String, namespaces: Set<String>) -> String? {
        if name.hasPrefix("kernel.msg") || name == "kernel.sem" || name.hasPrefix("kernel.shm")
            || name.hasPrefix("fs.mqueue.") {
            return namespaces.contains("ipc") ? nil : "needs an ipc namespace"
        }
        if name.hasPrefix("net.") {
            return namespaces.contains("network") ? nil : "needs a network namespace"
        }
        if name == "kernel.hostname" || name == "kernel.domainname" {
            return namespaces.contains("uts") ? nil : "needs a uts namespace"
        }
        return "not in a separate kernel namespace"
    }

    private static let seccompActions: Set<String> = [
        "SCMP_ACT_KILL", "SCMP_ACT_KILL_PROCESS", "SCMP_ACT_KILL_THREAD", "SCMP_ACT_TRAP",
        "SCMP_ACT_ERRNO", "SCMP_ACT_TRACE", "SCMP_ACT_ALLOW", "SCMP_ACT_LOG", "SCMP_ACT_NOTIFY",
    ]
    private static let seccompOperators: Set<String> = [
        "SCMP_CMP_NE", "SCMP_CMP_LT", "SCMP_CMP_LE", "SCMP_CMP_EQ", "SCMP_CMP_GE", "SCMP_CMP_GT",
        "SCMP_CMP_MASKED_EQ",
    ]

    private func checkSeccomp(_ seccomp: LinuxSeccomp, _ found: inout Problems) {
        if !Self.seccompActions.contains(seccomp.defaultAction) {
            found.add("linux.seccomp.defaultAction", "unknown action \"\(seccomp.defaultAction)\"")
        }
        for (index, rule) in (seccomp.syscalls ?? []).enumerated() {
            let path = "linux.seccomp.syscalls[\(index)]"
            if rule.names.isEmpty { found.add(path + ".names", "must not be empty") }
            if !Self.seccompActions.contains(rule.action) {
                found.add(path + ".action", "unknown action \"\(rule.action)\"")
            }
            for (argIndex, arg) in (rule.args ?? []).enumerated() {
                if !Self.seccompOperators.contains(arg.op) {
                    found.add(path + ".args[\(argIndex)].op", "unknown operator \"\(arg.op)\"")
                }
                if arg.index > 5 {
                    found.add(path + ".args[\(argIndex)].index", "must be between 0 and 5, got \(arg.index)")
                }
            }
        }
    }
}

private struct Problems {
    var list: [SpecProblem] = []

    mutating func add(_ path: String, _ reason: String) {
        list.append(SpecProblem(path: path, reason: reason))
    }
}

extension Spec {
    /// All validation problems; see `SpecValidator`.
    public func problems() -> [SpecProblem] {
        SpecValidator().problems(in: self)
    }

    /// Throws a `SpecError` of kind `.invalid` listing every problem, if there are any.
    public func validate() throws(SpecError) {
        let found = problems()
        guard !found.isEmpty else { return }
        let reason = found.map(\.description).joined(separator: "; ")
        throw SpecError(kind: .invalid, reason: "invalid config: " + reason)
    }

    /// The absolute rootfs path: `root.path` as is when absolute, else under the bundle.
    public func rootfsPath(bundle: String) -> String? {
        guard let path = root?.path, !path.isEmpty else { return nil }
        if path.hasPrefix("/") { return path }
        return bundle.hasSuffix("/") ? bundle + path : bundle + "/" + path
    }
}
