import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// A container cgroup in a pure cgroup v2 hierarchy: one directory holds everything.
public struct CgroupV2Manager: CgroupManager {
    public let mode: CgroupMode
    /// Where the cgroup2 filesystem is mounted.
    public let mountPoint: String
    /// The container's cgroup directory.
    public let directory: String
    public var createdDirectories: [String] = []

    /// Places `path` in the cgroup2 `mount`, relative cgroups against the runtime's own
    /// cgroup `own` (the `0::` line of /proc/self/cgroup).
    public init(path: CgroupPath, mount: UnifiedMount, own: String, mode: CgroupMode = .unified) {
        self.mode = mode
        mountPoint = mount.mountPoint
        directory = path.directory(mountPoint: mount.mountPoint, mountRoot: mount.root, own: own)
    }

    public var paths: [String: String] { ["": directory] }

    public mutating func create() throws(StrataError) {
        do {
            let made = try CgroupFiles.makeDirectories(directory)
            createdDirectories += made
            if made.last != directory {
                let frozen = (try CgroupFiles.readIfPresent(directory, "cgroup.freeze")) == "1"
                try CgroupReuse.check(directory, pids: try CgroupV1Manager.collectPids(directory), frozen: frozen)
            }
            try enableControllers()
        } catch {
            CgroupFiles.removeQuietly(createdDirectories.reversed())
            createdDirectories = []
            throw error.within("create cgroup")
        }
    }

    func enableControllers() throws(StrataError) {
        try SubtreeControl.enable(mountPoint: mountPoint, directory: directory)
    }

    public func apply(_ resources: CgroupResources) throws(StrataError) {
        do {
            try V2Resources(directory: directory).apply(resources)
        } catch {
            throw error.within("apply cgroup limits")
        }
    }

    public func addProcess(pid: Int32) throws(StrataError) {
        try CgroupFiles.write(directory, "cgroup.procs", String(pid))
    }

    public func pids() throws(StrataError) -> [Int32] {
        try CgroupV1Manager.collectPids(directory)
    }

    /// SIGKILL goes through cgroup.kill where the kernel has it (5.14+): one write kills
    /// every process, including ones forked meanwhile, with no freeze needed.
    public func killAll(signal: Int32) throws(StrataError) {
        if signal == SIGKILL, try CgroupFiles.writeIfPresent(directory, "cgroup.kill", "1") { return }
        try Freezing.killAll(self, signal: signal)
    }

    public func freeze() throws(StrataError) {
        try CgroupFiles.write(directory, "cgroup.freeze", "1")
        for attempt in 0..<Freezing.attempts {
            if try Self.eventsField(directory, "frozen") == "1" { return }
            Freezing.pause(attempt)
        }
        try? CgroupFiles.write(directory, "cgroup.freeze", "0")
        throw StrataError("freeze", directory, reason: "processes did not stop in time")
    }

    public func thaw() throws(StrataError) {
        try CgroupFiles.write(directory, "cgroup.freeze", "0")
    }

    public func freezerState() throws(StrataError) -> FreezerState {
        guard let requested = try CgroupFiles.readIfPresent(directory, "cgroup.freeze") else {
            throw StrataError("read freezer state", directory, errno: ENOENT, reason: "no cgroup.freeze (kernel before 5.2)")
        }
        if requested == "0" { return .thawed }
        return try Self.eventsField(directory, "frozen") == "1" ? .frozen : .freezing
    }

    /// One `KEY VALUE` line of cgroup.events.
    static func eventsField(_ dir: String, _ key: String) throws(StrataError) -> String? {
        let text = try CgroupFiles.read(dir, "cgroup.events")
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2 && parts[0] == key { return String(parts[1]) }
        }
        return nil
    }

    /// cgroup.events says "populated 0" once neither this cgroup nor any child has a process.
    public func isEmpty() throws(StrataError) -> Bool {
        try Self.eventsField(directory, "populated") != "1"
    }

    public mutating func destroy() throws(StrataError) {
        var failure: StrataError?
        do {
            try CgroupFiles.removeTree(directory)
        } catch {
            failure = error
        }
        // Parents we made may meanwhile hold other containers' cgroups: those stay.
        CgroupFiles.removeQuietly(createdDirectories.reversed().filter { $0 != directory })
        if let failure { throw failure.within("destroy cgroup") }
        createdDirectories = []
    }

    public var exists: Bool { CgroupFiles.isDirectory(directory) }
}
