import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// What an OOM watch saw since it was last asked.
public struct OOMReport: Sendable, Equatable {
    /// The kernel signalled at least one out-of-memory event in the container's cgroup.
    public var oom: Bool
    /// The cgroup is gone (v1: removed) or empty (v2: `populated 0`): nothing more can come.
    public var ended: Bool

    public init(oom: Bool = false, ended: Bool = false) {
        self.oom = oom
        self.ended = ended
    }
}

/// Out-of-memory notifications for one container cgroup, as a single pollable fd so a
/// synchronous loop can wait on it with a timeout: an eventfd registered through
/// cgroup.event_control on v1, an inotify watch on memory.events on v2.
///
/// The fd is non-blocking; after poll(2) reports it readable (or at any time), `collect()`
/// drains it and says what happened. `close()` releases it.
public struct OOMWatch: Sendable {
    /// Poll this for POLLIN.
    public let fd: Int32
    var source: Source

    enum Source: Sendable {
        /// v1: the eventfd's counter; `controlFile` vanishes when the cgroup is removed.
        case eventfd(controlFile: String)
        /// v2: watched memory.events (for oom/oom_kill) and cgroup.events (for populated).
        case memoryEvents(directory: String, last: OOMCounts)
    }

    /// Starts watching the memory cgroup of `manager`: v2 on a unified host, else the v1
    /// memory hierarchy (hybrid hosts keep memory in v1).
    public static func start(_ manager: some CgroupManager) throws(StrataError) -> OOMWatch {
        if manager.mode == .unified, let dir = manager.paths[""] {
            return try startV2(directory: dir)
        }
        let memory = manager.paths.first { key, _ in key.split(separator: ",").contains("memory") }
        guard let dir = memory?.value else {
            throw StrataError("watch oom", "cgroup", errno: ENOENT, reason: "no memory cgroup is mounted")
        }
        return try startV1(directory: dir)
    }

    /// Drains the fd without blocking and reports what happened since the last call.
    public mutating func collect() -> OOMReport {
        switch source {
        case .eventfd(let controlFile):
            return collectV1(controlFile: controlFile)
        case .memoryEvents(let directory, let last):
            let (report, now) = collectV2(directory: directory, last: last)
            source = .memoryEvents(directory: directory, last: now)
            return report
        }
    }

    public func close() {
        _ = Glibc.close(fd)
    }
}
