import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Device access control on cgroup v2, where there is no devices.allow/devices.deny: an
/// eBPF program built from the rules is attached to the container's cgroup, as runc and
/// crun do.
public enum DeviceFilter {
    /// Compiles `rules` (see `DeviceProgram` for their meaning), loads the program and
    /// attaches it to the cgroup directory `cgroupDirectory`, replacing the device programs
    /// an earlier install attached there (`strun update`). Programs attached by others are
    /// left alone: several device programs on one cgroup must all allow an access, so a
    /// foreign one can only narrow what the container gets.
    ///
    /// The new program is in place before an old one goes: with BPF_F_REPLACE as one swap,
    /// otherwise attach then detach, so there is no moment without a filter.
    ///
    /// Like runc and crun, a refusal with EPERM inside a user namespace (rootless) is not
    /// an error: bpf(2) is out of reach there, and such containers cannot create device
    /// nodes anyway.
    public static func install(rules: [DeviceRule], cgroupDirectory path: String) throws(StrataError) {
        // Compiled first, so a bad rule changes nothing.
        let program = try DeviceProgram.instructions(for: rules)
        let dirFD = try sys("open", path) { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { close(dirFD) }

        let previous = try ours(dirFD, path: path)
        defer { for old in previous { close(old.fd) } }

        let fd: Int32
        do {
            fd = try DeviceProgramLoader.load(program)
        } catch {
            if error.errno == EPERM && inUserNamespace() { return }
            throw error.within("install device filter on \(path)")
        }
        defer { close(fd) }

        if previous.count == 1 {
            let code = CgroupDevicePrograms.attach(fd, to: dirFD, replacing: previous[0].fd)
            if code == 0 { return }
            // EINVAL: a kernel before 5.6 without BPF_F_REPLACE; ENOENT: the old program
            // went meanwhile. Either way a plain attach and detach does the job.
            guard code == EINVAL || code == ENOENT else {
                throw StrataError("attach device program to", path, errno: code)
            }
        }
        let code = CgroupDevicePrograms.attach(fd, to: dirFD, replacing: nil)
        if code != 0 {
            if code == EPERM && inUserNamespace() { return }
            throw StrataError("attach device program to", path, errno: code)
        }
        for old in previous { try CgroupDevicePrograms.detach(old.fd, from: dirFD, path: path) }
    }

    /// Device programs on the cgroup that `install` put there, with open fds the caller
    /// closes.
    static func ours(_ dirFD: Int32, path: String) throws(StrataError) -> [(id: UInt32, fd: Int32)] {
        var found: [(id: UInt32, fd: Int32)] = []
        do {
            for id in try CgroupDevicePrograms.attachedIDs(dirFD, path: path) {
                guard let fd = try CgroupDevicePrograms.open(id: id) else { continue }
                if CgroupDevicePrograms.name(ofProgram: fd) == DeviceProgramLoader.programName {
                    found.append((id, fd))
                } else {
                    close(fd)
                }
            }
        } catch {
            for program in found { close(program.fd) }
            if error.errno == EPERM && inUserNamespace() { return [] }
            throw error
        }
        return found
    }

    /// Ids of the device programs of ours attached to the cgroup directory `path`.
    static func installedPrograms(cgroupDirectory path: String) throws(StrataError) -> [UInt32] {
        let dirFD = try sys("open", path) { open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
        defer { close(dirFD) }
        let programs = try ours(dirFD, path: path)
        for program in programs { close(program.fd) }
        return programs.map(\.id)
    }

    /// True unless /proc/self/uid_map is the initial namespace's identity map of all ids.
    static func inUserNamespace() -> Bool {
        guard let text = try? Files.readText("/proc/self/uid_map") else { return false }
        let fields = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" })
        return fields != ["0", "0", "4294967295"]
    }
}
