#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// The Unix socket `strun` connects to (the spec's `linux.seccomp.listenerPath`).
enum MonitorSocket {
    /// Binds and listens at `path`, replacing a socket left by a monitor that died, but
    /// refusing to take over from one that still answers.
    static func listen(at path: String) throws(StrataError) -> Int32 {
        if Files.exists(path) {
            if let probe = try? UnixSocket.connect(path, object: path) {
                close(probe)
                throw StrataError("listen", path, reason: "another monitor is already serving this socket")
            }
            unlink(path)
        }
        let fd = try sys("socket", path) { socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0) }
        var address = try UnixSocket.address(path, object: path)
        let old = umask(0o077) // root's containers only: the socket is 0600
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        umask(old)
        if rc != 0 {
            let code = errno
            close(fd)
            throw StrataError.system("bind", path, errno: code)
        }
        if Glibc.listen(fd, 128) != 0 {
            let code = errno
            close(fd)
            throw StrataError.system("listen", path, errno: code)
        }
        return fd
    }
}
