import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whether an insecure registry's port speaks plain HTTP: one `GET /v2/ HTTP/1.0` over TCP
/// and a look at the first bytes of the answer (2 s for each step).
enum PlainHTTPProbe {
    enum Answer: Equatable { case plain, other, refused(String) }

    static func check(_ hostPort: String) -> Answer {
        var host = hostPort
        var port = "443"
        if hostPort.hasPrefix("["), let close = hostPort.firstIndex(of: "]") {
            host = String(hostPort[hostPort.index(after: hostPort.startIndex)..<close])
            let rest = hostPort[hostPort.index(after: close)...]
            if rest.hasPrefix(":") { port = String(rest.dropFirst()) }
        } else if let colon = hostPort.lastIndex(of: ":") {
            host = String(hostPort[..<colon])
            port = String(hostPort[hostPort.index(after: colon)...])
        }
        var hints = addrinfo()
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, port, &hints, &list) == 0, let first = list else {
            return .refused("cannot resolve \(host)")
        }
        defer { freeaddrinfo(list) }
        let fd = socket(first.pointee.ai_family, first.pointee.ai_socktype | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return .other }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, O_NONBLOCK)
        if connect(fd, first.pointee.ai_addr, first.pointee.ai_addrlen) != 0 && errno != EINPROGRESS {
            return errno == ECONNREFUSED ? .refused("connection refused") : .refused(String(cString: strerror(errno)))
        }
        guard wait(fd, events: Int16(POLLOUT)) else { return .refused("connection timed out") }
        var err: Int32 = 0
        var len = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len)
        if err != 0 { return .refused(err == ECONNREFUSED ? "connection refused" : String(cString: strerror(err))) }
        let request = Array("GET /v2/ HTTP/1.0\r\nHost: \(hostPort)\r\n\r\n".utf8)
        guard request.withUnsafeBytes({ send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }) == request.count,
              wait(fd, events: Int16(POLLIN)) else { return .other }
        var buffer = [UInt8](repeating: 0, count: 5)
        let n = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, 5, 0) }
        return n == 5 && buffer == Array("HTTP/".utf8) ? .plain : .other
    }

    private static func wait(_ fd: Int32, events: Int16) -> Bool {
        var p = pollfd(fd: fd, events: events, revents: 0)
        return poll(&p, 1, 2000) == 1
    }
}
