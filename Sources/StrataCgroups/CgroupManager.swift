import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Whether a cgroup's processes are stopped by the freezer.
public enum FreezerState: String, Sendable, Equatable {
    case thawed
    /// v1 only: the kernel is still stopping tasks.
    case freezing
    case frozen
}

/// The cgroup of one container, in whichever hierarchies this host has.
///
/// A manager is a value: `create()` records the directories it made in
/// `createdDirectories`, and `destroy()` removes the container's cgroup plus exactly
/// those, so a runtime that persists the list (or keeps the value) leaves nothing behind,
/// even when creation failed half-way.
public protocol CgroupManager: Sendable {
    /// The host's cgroup layout this manager drives.
    var mode: CgroupMode { get }
    /// The container's cgroup directory in each hierarchy, keyed by the hierarchy's
    /// controllers joined with "," (`cpu`, `name=systemd`), and "" for cgroup2.
    var paths: [String: String] { get }
    /// Directories made by `create()`, outermost first within each hierarchy.
    var createdDirectories: [String] { get set }

    /// mkdir -p of the cgroup in every hierarchy. On failure, what it made is removed.
    mutating func create() throws(StrataError)
    /// Writes `resources` into the cgroup's control files.
    func apply(_ resources: CgroupResources) throws(StrataError)
    /// Moves `pid` into the cgroup in every hierarchy.
    func addProcess(pid: Int32) throws(StrataError)
    /// Every process in the cgroup and its child cgroups.
    func pids() throws(StrataError) -> [Int32]
    /// Sends `signal` to every process, with the cgroup frozen meanwhile so that none can
    /// fork past the signal.
    func killAll(signal: Int32) throws(StrataError)
    /// Stops every process and waits until the kernel reports the cgroup frozen.
    func freeze() throws(StrataError)
    func thaw() throws(StrataError)
    func freezerState() throws(StrataError) -> FreezerState
    /// Removes the cgroup (and child cgroups) in every hierarchy, then the parents that
    /// `create()` made, if they are empty. The cgroup must hold no processes.
    mutating func destroy() throws(StrataError)
    /// True when the cgroup directory exists.
    var exists: Bool { get }
    /// True when no process is in the cgroup or its child cgroups.
    func isEmpty() throws(StrataError) -> Bool
    /// Resource usage in the shape of runc's `types.Stats` (see Stats/CgroupStats.swift),
    /// without network interfaces, which are not a cgroup's to know, and without the
    /// `omitted` parts, which stay empty: a metrics scrape of many containers reads only
    /// what it exports (each part is several files per container).
    func stats(omitting omitted: CgroupStats.Omissions) throws(StrataError) -> CgroupStats
}

extension CgroupManager {
    public func isEmpty() throws(StrataError) -> Bool { try pids().isEmpty }

    /// All of the stats.
    public func stats() throws(StrataError) -> CgroupStats { try stats(omitting: []) }
}

/// Freezing and signalling shared by both versions.
enum Freezing {
    /// How long `freeze()` waits for the kernel, in polls of 1 ms growing to 10 ms.
    static let attempts = 400

    static func pause(_ attempt: Int) {
        CgroupFiles.sleep(microseconds: attempt < 20 ? 1_000 : 10_000)
    }

    /// Freeze, signal each pid, thaw: runc's way, so no process forks a child that
    /// misses the signal. The cgroup is left frozen if it was frozen before, unless the
    /// signal is SIGKILL (a frozen task only dies once thawed).
    static func killAll(_ manager: some CgroupManager, signal: Int32) throws(StrataError) {
        let wasFrozen = (try? manager.freezerState()) == .frozen
        var froze = false
        do {
            try manager.freeze()
            froze = true
        } catch {
            // Without a freezer, signal anyway: better a racy kill than none.
            if error.errno != ENOENT { throw error }
        }
        var firstError: StrataError?
        for pid in try manager.pids() where pid > 0 {
            if kill(pid, signal) != 0 && currentErrno() != ESRCH && firstError == nil {
                firstError = StrataError.system("kill", String(pid))
            }
        }
        if froze && (!wasFrozen || signal == SIGKILL) { try manager.thaw() }
        if let firstError { throw firstError }
    }
}
