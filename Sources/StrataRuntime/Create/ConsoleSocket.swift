#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// The client's --console-socket: a unix stream socket that receives the pty master.
enum ConsoleSocket {
    static func connect(_ path: String) throws(StrataError) -> Int32 {
        let fd = try sys("socket", "console socket \(path)") {
            socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            closeFD(fd)
            throw StrataError("connect", "console socket \(path)", reason: "path too long")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        let rc = withUnsafePointer(to: &address) { ptr in
            ptr.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if rc != 0 {
            let code = currentErrno()
            closeFD(fd)
            throw StrataError.system("connect", "console socket \(path)", errno: code)
        }
        return fd
    }
}
