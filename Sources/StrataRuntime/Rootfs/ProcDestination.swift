#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem

/// What may be mounted in /proc: procfs itself at /proc, and over the few files that
/// lxcfs emulates. Anything else there could stand in for a file the runtime or the
/// kernel trusts (a host file bound over /proc/sys/..., then written as a sysctl), so it
/// is refused as runc refuses it, with runc's phrase. The target is judged both by its
/// path and by the descriptor it resolved to, so a symlink in the image that leads into
/// a mounted /proc is caught too.
enum ProcDestination {
    static let emulatedFiles: Set<String> = [
        "/proc/cpuinfo", "/proc/diskstats", "/proc/meminfo", "/proc/stat", "/proc/swaps",
        "/proc/uptime", "/proc/loadavg", "/proc/slabinfo", "/proc/net/dev", "/proc/sys/kernel/ns_last_pid",
    ]

    static func check(_ mount: PlannedMount, target: Int32) throws(StrataError) {
        let destination = Paths.clean(mount.destination)
        if destination == "/proc" {
            if mount.type == "proc" || mount.source.isEmpty { return }
            if mount.isBind && Files.filesystemMagic(mount.source) == ProcFS.superMagic { return }
            throw StrataError.message("\"\(destination)\" cannot be mounted because it is not of type proc")
        }
        let insideProc = destination.hasPrefix("/proc/") || strata_fd_fs_magic(target) == ProcFS.superMagic
        if insideProc && !emulatedFiles.contains(destination) {
            throw StrataError.message("\"\(destination)\" cannot be mounted because it is inside /proc")
        }
    }
}
