#if canImport(Glibc)
import Glibc
#endif

/// AF_UNIX stream sockets by path: the seccomp listener agent and its clients.
public enum UnixSocket {
    /// A `sockaddr_un` for `path`; errors name `object`.
    public static func address(_ path: String, object: String) throws(StrataError) -> sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            throw StrataError("connect", object, reason: "path longer than \(capacity - 1) bytes")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        return address
    }

    /// A close-on-exec stream socket connected to `path`; errors name `object`.
    public static func connect(_ path: String, object: String) throws(StrataError) -> Int32 {
        var address = try address(path, object: object)
        let fd = try sys("socket", object) { socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        if rc != 0 {
            let code = currentErrno()
            close(fd)
            throw StrataError.system("connect", object, errno: code)
        }
        return fd
    }
}
