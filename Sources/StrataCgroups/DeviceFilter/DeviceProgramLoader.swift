import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// BPF_PROG_LOAD of a device program.
enum DeviceProgramLoader {
    /// The kernel keeps this name (BPF_OBJ_NAME_LEN, 15 characters at most) and shows it
    /// in BPF_OBJ_GET_INFO_BY_FD and bpftool: it is how `DeviceFilter` recognises its own
    /// programs on a cgroup.
    static let programName = "strata_devices"
    /// runc's license string. The program calls no helper functions, so nothing in it
    /// needs a GPL-compatible license.
    static let license = "Apache"

    /// Loads `program` and returns the new program's fd (close-on-exec, as every bpf fd).
    static func load(_ program: [BPFInstruction]) throws(StrataError) -> Int32 {
        let code = program.flatMap(\.bytes)
        // The fast path carries no log: the verifier then does no formatting work.
        var result = attempt(code, logSize: 0).fd
        if result == -Int(EPERM) {
            // Before Linux 5.11 programs were charged to RLIMIT_MEMLOCK of the user (all of
            // root's processes together), so a busy host refuses with EPERM. Raise it for
            // this one call only, as crun does; the container never sees the change.
            result = withRaisedMemlock { attempt(code, logSize: 0).fd }
        }
        if result >= 0 { return Int32(result) }

        // Load again with a log so the error says why the verifier refused.
        let retry = attempt(code, logSize: 1 << 16)
        if retry.fd >= 0 { return Int32(retry.fd) }
        let code32 = Int32(-retry.fd)
        var reason = retry.log.isEmpty ? nil : "verifier: " + lastLines(retry.log)
        if code32 == EPERM && reason == nil { reason = "needs CAP_SYS_ADMIN or CAP_BPF" }
        throw StrataError("load device program", "\(program.count) instructions", errno: code32, reason: reason)
    }

    /// One BPF_PROG_LOAD: the fd or -errno, and the verifier log when one was asked for.
    static func attempt(_ code: [UInt8], logSize: Int, name: String = programName) -> (fd: Int, log: String) {
        var log = [UInt8](repeating: 0, count: logSize)
        let license = Array(self.license.utf8) + [0]
        var attr = BPF.Attr()
        attr.set(0, BPF.progTypeCgroupDevice)        // prog_type
        attr.set(4, UInt32(code.count / 8))           // insn_cnt
        for (i, byte) in name.utf8.prefix(15).enumerated() {
            attr.bytes[48 + i] = byte                 // prog_name[16]
        }
        let fd = code.withUnsafeBytes { insns in
            license.withUnsafeBytes { lic in
                log.withUnsafeMutableBytes { buffer in
                    attr.set(8, pointer: insns.baseAddress)   // insns
                    attr.set(16, pointer: lic.baseAddress)    // license
                    if logSize > 0 {
                        attr.set(24, UInt32(1))                // log_level
                        attr.set(28, UInt32(logSize))          // log_size
                        attr.set(32, pointer: buffer.baseAddress) // log_buf
                    }
                    return BPF.call(BPF.progLoad, &attr)
                }
            }
        }
        let text = String(decoding: log.prefix { $0 != 0 }, as: UTF8.self)
        return (fd, text)
    }

    /// The last few lines of a verifier log: the refusal is at the end.
    static func lastLines(_ log: String) -> String {
        let lines = log.split(separator: "\n").map { String($0).trimmingASCIIWhitespace() }.filter { !$0.isEmpty }
        return lines.suffix(4).joined(separator: "; ")
    }

    static func withRaisedMemlock<T>(_ body: () -> T) -> T {
        let resource = __rlimit_resource_t(__RLIMIT_MEMLOCK.rawValue)
        var old = rlimit()
        guard getrlimit(resource, &old) == 0 else { return body() }
        var raised = rlimit(rlim_cur: rlim_t.max, rlim_max: rlim_t.max)    // RLIM_INFINITY
        if setrlimit(resource, &raised) != 0 {
            // Without CAP_SYS_RESOURCE the hard limit is as far as it goes.
            raised = rlimit(rlim_cur: old.rlim_max, rlim_max: old.rlim_max)
            guard setrlimit(resource, &raised) == 0 else { return body() }
        }
        defer { _ = setrlimit(resource, &old) }
        return body()
    }
}
