import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// The OOM counters of a v2 memory.events file.
struct OOMCounts: Sendable, Equatable {
    /// Times the cgroup hit its limit and the OOM killer was invoked.
    var oom: UInt64 = 0
    /// Processes the OOM killer killed.
    var oomKill: UInt64 = 0

    static func parse(_ text: String, source: String) throws(StrataError) -> OOMCounts {
        let values = try StatParsers.keyValues(text, source: source)
        return OOMCounts(oom: values["oom"] ?? 0, oomKill: values["oom_kill"] ?? 0)
    }
}

/// cgroup v2: the kernel reports OOMs only as counters in memory.events, and signals a
/// change of the file to inotify watchers. cgroupfs sends no delete events, so emptiness
/// comes from cgroup.events' `populated` field, also watched (runc's method).
///
/// Unlike runc, which reports an OOM whenever memory.events changes and oom_kill is
/// non-zero (so later writes of other fields repeat it), an OOM is reported when a
/// counter grew since the last look.
extension OOMWatch {
    static func startV2(directory: String) throws(StrataError) -> OOMWatch {
        let memoryEvents = directory + "/memory.events"
        let fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        if fd < 0 { throw StrataError.system("inotify_init1", memoryEvents) }
        for file in [memoryEvents, directory + "/cgroup.events"] where inotify_add_watch(fd, file, UInt32(IN_MODIFY)) < 0 {
            let failure = StrataError.system("inotify_add_watch", file)
            _ = Glibc.close(fd)
            throw failure.within("watch oom")
        }
        let start: OOMCounts
        do {
            start = try OOMCounts.parse(try Files.readText(memoryEvents), source: memoryEvents)
        } catch {
            _ = Glibc.close(fd)
            throw error.within("watch oom")
        }
        return OOMWatch(fd: fd, source: .memoryEvents(directory: directory, last: start))
    }

    func collectV2(directory: String, last: OOMCounts) -> (OOMReport, OOMCounts) {
        // The events themselves say only "modified": drain them and read the files.
        var buffer = [UInt8](repeating: 0, count: 4096)
        while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 {}
        var report = OOMReport()
        var now = last
        let memoryEvents = directory + "/memory.events"
        if let text = try? Files.readText(memoryEvents), let counts = try? OOMCounts.parse(text, source: memoryEvents) {
            report.oom = counts.oom > last.oom || counts.oomKill > last.oomKill
            now = counts
        }
        // A missing file means the cgroup was removed: ended as well.
        let populated = try? CgroupV2Manager.eventsField(directory, "populated")
        report.ended = populated != "1"
        return (report, now)
    }
}
