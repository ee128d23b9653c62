import CShim
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// cgroup v1: writing "EVENTFD OOM_CONTROL_FD" to cgroup.event_control makes the kernel
/// add one to the eventfd's counter on each OOM in the cgroup, and once more when the
/// cgroup is removed (told apart by cgroup.event_control having vanished), as runc does.
extension OOMWatch {
    static func startV1(directory: String) throws(StrataError) -> OOMWatch {
        let controlFile = directory + "/cgroup.event_control"
        let oomControl = directory + "/memory.oom_control"
        let oomFD = open(oomControl, O_RDONLY | O_CLOEXEC)
        if oomFD < 0 { throw StrataError.system("open", oomControl) }
        // The kernel takes its own reference while registering; ours can go right after.
        defer { _ = Glibc.close(oomFD) }
        let eventFD = strata_eventfd_cloexec_nonblock()
        if eventFD < 0 { throw StrataError.system("eventfd", oomControl) }
        do {
            try Files.writeControl(controlFile, "\(eventFD) \(oomFD)")
        } catch {
            _ = Glibc.close(eventFD)
            throw error.within("watch oom")
        }
        return OOMWatch(fd: eventFD, source: .eventfd(controlFile: controlFile))
    }

    func collectV1(controlFile: String) -> OOMReport {
        var count: UInt64 = 0
        let n = withUnsafeMutableBytes(of: &count) { read(fd, $0.baseAddress, $0.count) }
        // EAGAIN: nothing new. Other errors cannot happen on an eventfd read of 8 bytes.
        guard n == MemoryLayout<UInt64>.size, count > 0 else { return OOMReport() }
        if !Files.exists(controlFile) { return OOMReport(ended: true) }
        return OOMReport(oom: true)
    }
}
