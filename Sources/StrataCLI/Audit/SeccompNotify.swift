#if canImport(Glibc)
import Glibc
#endif
import CShim

/// The seccomp user-notification ioctls on a listener fd (linux/seccomp.h), with the
/// kernel's structs read and written as bytes: Swift cannot see those headers.
enum SeccompNotify {
    // _IOWR('!', 0, struct seccomp_notif), _IOWR('!', 1, struct seccomp_notif_resp), _IOW('!', 2, __u64)
    static let receiveRequest: UInt = 0xC050_2100
    static let sendRequest: UInt = 0xC018_2101
    static let idValidRequest: UInt = 0x4008_2102
    static let flagContinue: UInt32 = 1

    /// struct seccomp_notif: id, pid, flags, then seccomp_data (nr, arch, ip, args[6]).
    struct Notification {
        var id: UInt64
        var pid: UInt32
        var nr: Int32
        var arch: UInt32
        var args: [UInt64]
    }

    /// The next pending notification, or the errno: ENOENT when the caller went away
    /// before it was read, EINTR to retry later.
    static func receive(_ fd: Int32) -> Result<Notification, Errno> {
        var raw = [UInt8](repeating: 0, count: 80) // the kernel insists on a zeroed buffer
        let rc = raw.withUnsafeMutableBytes { strata_ioctl_ptr(fd, receiveRequest, $0.baseAddress) }
        if rc != 0 { return .failure(Errno(errno)) }
        return raw.withUnsafeBytes { b in
            Result<Notification, Errno>.success(Notification(
                id: b.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                pid: b.loadUnaligned(fromByteOffset: 8, as: UInt32.self),
                nr: b.loadUnaligned(fromByteOffset: 16, as: Int32.self),
                arch: b.loadUnaligned(fromByteOffset: 20, as: UInt32.self),
                args: (0..<6).map { b.loadUnaligned(fromByteOffset: 32 + 8 * $0, as: UInt64.self) }))
        }
    }

    /// Answers a notification: run the syscall (continue) or fail it with `error`.
    /// Returns 0 or the errno (ENOENT: the caller was killed or interrupted meanwhile).
    static func respond(_ fd: Int32, id: UInt64, failWith error: Int32?) -> Int32 {
        var raw = [UInt8](repeating: 0, count: 24)
        raw.withUnsafeMutableBytes { b in
            b.storeBytes(of: id, toByteOffset: 0, as: UInt64.self)
            b.storeBytes(of: Int64(0), toByteOffset: 8, as: Int64.self)
            b.storeBytes(of: error.map { -$0 } ?? 0, toByteOffset: 16, as: Int32.self)
            b.storeBytes(of: error == nil ? flagContinue : 0, toByteOffset: 20, as: UInt32.self)
        }
        let rc = raw.withUnsafeMutableBytes { strata_ioctl_ptr(fd, sendRequest, $0.baseAddress) }
        return rc == 0 ? 0 : errno
    }

    /// Whether the notification is still pending: checked after reading the caller's
    /// memory, so that what was read belongs to that very call (the pid may be reused).
    static func isValid(_ fd: Int32, id: UInt64) -> Bool {
        var value = id
        return strata_ioctl_ptr(fd, idValidRequest, &value) == 0
    }

    /// A NUL-terminated string at `address` in `pid`'s memory (at most `limit` bytes).
    static func readString(pid: UInt32, address: UInt64, limit: Int = 256) -> String? {
        guard address != 0 else { return nil }
        let fd = open("/proc/\(pid)/mem", O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: limit)
        let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, limit, off_t(Int64(bitPattern: address))) }
        guard n > 0 else { return nil }
        let bytes = buf[0..<n]
        return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
}

/// An errno value carried in a Result.
struct Errno: Error {
    var code: Int32
    init(_ code: Int32) { self.code = code }
}
