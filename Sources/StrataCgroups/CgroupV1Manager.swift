import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// A container cgroup on a legacy or hybrid host: one directory per v1 hierarchy, and in
/// hybrid mode one more in the cgroup2 mount. runc 1.1.5 on a hybrid host joins the
/// cgroup2 hierarchy at the same relative path (`0::/ID` in /proc/PID/cgroup), so this
/// does too; no limits are written there, it only groups the processes.
public struct CgroupV1Manager: CgroupManager {
    /// One hierarchy and the container's directory in it.
    public struct Placement: Sendable, Equatable {
        public var hierarchy: V1Hierarchy
        public var directory: String
    }

    public let mode: CgroupMode
    public let placements: [Placement]
    /// The directory in the cgroup2 mount (hybrid mode only).
    public let unifiedDirectory: String?
    /// Where that cgroup2 is mounted: some hybrid hosts give it a controller that no v1
    /// hierarchy has (hugetlb on this project's build machine).
    public let unifiedMountPoint: String?
    public var createdDirectories: [String] = []

    /// Places `path` in every hierarchy of `mounts`, relative cgroups against the
    /// runtime's own `membership`.
    public init(path: CgroupPath, mounts: CgroupMounts, membership: CgroupMembership) {
        self.init(mounts: mounts) { mountPoint, root, own in
            path.directory(mountPoint: mountPoint, mountRoot: root, own: own)
        } membership: { membership.path(in: $0) } unified: { membership.unified ?? "/" }
    }

    /// One placement per hierarchy of `mounts`: `directory(mountPoint, mountRoot, cgroup)`
    /// where `cgroup` is `membership`'s path in that hierarchy (`unified` in cgroup2's).
    init(mounts: CgroupMounts, directory: (String, String, String) -> String,
         membership: (V1Hierarchy) -> String, unified: () -> String) {
        mode = mounts.unified == nil ? .legacy : .hybrid
        placements = mounts.v1.map { hierarchy in
            Placement(hierarchy: hierarchy,
                      directory: directory(hierarchy.mountPoint, hierarchy.root, membership(hierarchy)))
        }
        unifiedMountPoint = mounts.unified?.mountPoint
        unifiedDirectory = mounts.unified.map { directory($0.mountPoint, $0.root, unified()) }
    }

    public var paths: [String: String] {
        var out: [String: String] = [:]
        for placement in placements { out[placement.hierarchy.controllers.joined(separator: ",")] = placement.directory }
        if let unifiedDirectory { out[""] = unifiedDirectory }
        return out
    }

    /// Every directory processes join, v1 first.
    var allDirectories: [String] { placements.map(\.directory) + (unifiedDirectory.map { [$0] } ?? []) }

    /// The directory in the hierarchy carrying `controller`, if mounted.
    public func directory(for controller: String) -> String? {
        placements.first { $0.hierarchy.has(controller) }?.directory
    }

    public mutating func create() throws(StrataError) {
        do {
            for placement in placements {
                let dir = placement.directory
                let made = try CgroupFiles.makeDirectories(dir)
                createdDirectories += made
                if made.last != dir {
                    let frozen = placement.hierarchy.has("freezer")
                        && (try? CgroupFiles.read(dir, "freezer.state")) == "FROZEN"
                    try CgroupReuse.check(dir, pids: try Self.collectPids(dir), frozen: frozen)
                }
                if placement.hierarchy.has("cpuset") {
                    if let first = made.first {
                        try Self.inheritCpuset(into: made, parent: Paths.dirname(first))
                    } else {
                        // A reused cgroup may have been left before its sets were written.
                        try Self.fillCpuset(dir, mountPoint: placement.hierarchy.mountPoint)
                    }
                }
            }
            if let unifiedDirectory {
                let made = try CgroupFiles.makeDirectories(unifiedDirectory)
                createdDirectories += made
                if made.last != unifiedDirectory {
                    try CgroupReuse.check(unifiedDirectory, pids: try Self.collectPids(unifiedDirectory), frozen: false)
                }
            }
        } catch {
            CgroupFiles.removeQuietly(createdDirectories.reversed())
            createdDirectories = []
            throw error.within("create cgroup")
        }
    }

    /// A new v1 cpuset cgroup starts with no cpus and no memory nodes, and the kernel
    /// refuses to add a process to it (ENOSPC): copy the parent's sets down, as runc does.
    static func inheritCpuset(into made: [String], parent: String) throws(StrataError) {
        let cpus = try CgroupFiles.read(parent, "cpuset.cpus")
        let mems = try CgroupFiles.read(parent, "cpuset.mems")
        for dir in made {
            try CgroupFiles.write(dir, "cpuset.cpus", cpus)
            try CgroupFiles.write(dir, "cpuset.mems", mems)
        }
    }

    /// Gives an existing cpuset cgroup whose cpus or mems are empty its parent's, filling
    /// the parent first the same way (up to the hierarchy's root): without them the kernel
    /// refuses every process with ENOSPC ("no space left on device").
    static func fillCpuset(_ dir: String, mountPoint: String) throws(StrataError) {
        let cpus = try CgroupFiles.read(dir, "cpuset.cpus")
        let mems = try CgroupFiles.read(dir, "cpuset.mems")
        if !cpus.isEmpty && !mems.isEmpty { return }
        let parent = Paths.dirname(dir)
        guard parent.hasPrefix(mountPoint + "/") || parent == mountPoint else { return }
        if parent != mountPoint { try fillCpuset(parent, mountPoint: mountPoint) }
        if cpus.isEmpty { try CgroupFiles.write(dir, "cpuset.cpus", try CgroupFiles.read(parent, "cpuset.cpus")) }
        if mems.isEmpty { try CgroupFiles.write(dir, "cpuset.mems", try CgroupFiles.read(parent, "cpuset.mems")) }
    }

    public func apply(_ resources: CgroupResources) throws(StrataError) {
        do {
            try V1Resources(manager: self).apply(resources)
        } catch {
            throw error.within("apply cgroup limits")
        }
    }

    public func addProcess(pid: Int32) throws(StrataError) {
        for dir in allDirectories {
            try CgroupFiles.write(dir, "cgroup.procs", String(pid))
        }
    }

    /// Read from the pids hierarchy, else freezer, else memory: each holds every task.
    public func pids() throws(StrataError) -> [Int32] {
        guard let dir = directory(for: "pids") ?? directory(for: "freezer") ?? directory(for: "memory")
                ?? allDirectories.first else { return [] }
        return try Self.collectPids(dir)
    }

    static func collectPids(_ dir: String) throws(StrataError) -> [Int32] {
        var out: [Int32]
        do {
            out = try CgroupFiles.procs(dir)
        } catch {
            if error.errno == ENOENT { return [] }
            throw error
        }
        for child in CgroupFiles.subdirectories(dir) {
            out += try collectPids(dir + "/" + child)
        }
        return out
    }

    public func killAll(signal: Int32) throws(StrataError) {
        try Freezing.killAll(self, signal: signal)
    }

    func freezerDirectory() throws(StrataError) -> String {
        guard let dir = directory(for: "freezer") else {
            throw StrataError("freeze", "cgroup", errno: ENOENT, reason: "no freezer hierarchy is mounted")
        }
        return dir
    }

    public func freeze() throws(StrataError) {
        let dir = try freezerDirectory()
        for attempt in 0..<Freezing.attempts {
            // A v1 freeze can stall in FREEZING (a task in uninterruptible sleep); asking
            // again restarts it, so the request is repeated while polling.
            if attempt % 10 == 0 { try CgroupFiles.write(dir, "freezer.state", "FROZEN") }
            if try CgroupFiles.read(dir, "freezer.state") == "FROZEN" { return }
            Freezing.pause(attempt)
        }
        try? CgroupFiles.write(dir, "freezer.state", "THAWED")
        throw StrataError("freeze", dir, reason: "processes did not stop in time")
    }

    public func thaw() throws(StrataError) {
        try CgroupFiles.write(try freezerDirectory(), "freezer.state", "THAWED")
    }

    public func freezerState() throws(StrataError) -> FreezerState {
        switch try CgroupFiles.read(try freezerDirectory(), "freezer.state") {
        case "FROZEN": return .frozen
        case "FREEZING": return .freezing
        default: return .thawed
        }
    }

    public mutating func destroy() throws(StrataError) {
        var firstError: StrataError?
        for dir in allDirectories {
            do {
                try CgroupFiles.removeTree(dir)
            } catch {
                if firstError == nil { firstError = error }
            }
        }
        // Parents we made may meanwhile hold other containers' cgroups: those stay.
        let leaves = Set(allDirectories)
        CgroupFiles.removeQuietly(createdDirectories.reversed().filter { !leaves.contains($0) })
        if let firstError { throw firstError.within("destroy cgroup") }
        createdDirectories = []
    }

    public var exists: Bool {
        (directory(for: "pids") ?? allDirectories.first).map(CgroupFiles.isDirectory) ?? false
    }
}
