import StrataRuntimeClient
import StrataCgroups
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Reads containers' cgroups: the manager comes from the init's /proc/PID/cgroup, the
/// stats from StrataCgroups' parsers (the ones `strun events --stats` prints), the
/// network counters from the init's network namespace.
public struct Sampler: Sendable {
    let mounts: CgroupMounts
    /// Also read what only the bottleneck analysis uses: processes blocked in state D
    /// (one /proc read per process) and block I/O throttles (four files on v1). A scrape
    /// of many containers leaves them out.
    public var forAnalysis = false

    /// Reads the host's cgroup mounts once.
    public init() throws(StrataError) {
        mounts = try CgroupMounts.current()
        guard mounts.mode != nil else {
            throw StrataError("read cgroups", "/proc/self/mountinfo", reason: "no cgroup filesystem is mounted")
        }
    }

    init(mounts: CgroupMounts) { self.mounts = mounts }

    /// Samples of `containers` that are still alive, and errors for those that could not
    /// be read. A container whose init exited after `list` is simply left out.
    public func sample(_ containers: [ListedContainer]) -> (samples: [ContainerSample], errors: [StrataError]) {
        var samples: [ContainerSample] = []
        var errors: [StrataError] = []
        for container in containers where container.isLive {
            do {
                samples.append(try sample(container))
            } catch {
                // Its init exited after `list` (so its cgroup may be gone too).
                if !Processes.isAlive(container.pid) { continue }
                errors.append(error.within("read stats of container \(container.id)"))
            }
        }
        return (samples, errors)
    }

    public func sample(_ container: ListedContainer) throws(StrataError) -> ContainerSample {
        let manager = try Cgroups.manager(ofProcess: container.pid, mounts: mounts)
        let dirs = CgroupDirectories(manager)
        // What is shown and exported; cpuset, kernel memory and hugetlb are not, and are
        // half of a v1 cgroup's files.
        var stats = try manager.stats(omitting: [.cpuset, .kernelMemoryAndSwap, .hugetlb])
        stats.networkInterfaces = NetworkStats.interfaces(pid: container.pid)
        var sample = ContainerSample(container: container, cgroup: dirs.name, stats: stats,
                                     limits: try LimitFiles.limits(dirs, stats: stats, withIO: forAnalysis),
                                     events: try LimitFiles.events(dirs, stats: stats),
                                     pressure: try LimitFiles.pressure(dirs), time: UInt64(MonotonicClock.nanoseconds()))
        if forAnalysis { sample.tasks = Self.taskStates(try manager.pids()) }
        return sample
    }

    /// The state of each pid (Processes.stat reads /proc/PID/stat); pids that exit
    /// meanwhile are not counted.
    static func taskStates(_ pids: [Int32]) -> TaskStates {
        var states = TaskStates(total: 0, blocked: 0)
        for pid in pids {
            guard let stat = Processes.stat(of: pid) else { continue }
            states.total += 1
            if stat.state == "D" { states.blocked += 1 }
        }
        return states
    }
}
