import CShim
#if canImport(Glibc)
import Glibc
#endif

/// One end of a SOCK_SEQPACKET socketpair: message boundaries are kept, and fds can
/// travel with a message (SCM_RIGHTS). Used between `strun` and the container's init.
public struct Channel: Sendable {
    public let fd: Int32

    public init(fd: Int32) { self.fd = fd }

    /// A connected SEQPACKET pair, close-on-exec.
    public static func pair() throws(StrataError) -> (Channel, Channel) {
        try socketPair(Int32(SOCK_SEQPACKET.rawValue), purpose: "sync channel")
    }

    /// A connected SOCK_STREAM pair, for a console socket `strun run` serves itself.
    public static func streamPair() throws(StrataError) -> (Channel, Channel) {
        try socketPair(Int32(SOCK_STREAM.rawValue), purpose: "console socket")
    }

    private static func socketPair(_ type: Int32, purpose: String) throws(StrataError) -> (Channel, Channel) {
        var fds: [Int32] = [-1, -1]
        try sys("socketpair", purpose) {
            socketpair(AF_UNIX, type | Int32(SOCK_CLOEXEC.rawValue), 0, &fds)
        }
        return (Channel(fd: fds[0]), Channel(fd: fds[1]))
    }

    public func send(_ bytes: [UInt8], passing passedFD: Int32 = -1) throws(StrataError) {
        let n = bytes.withUnsafeBytes { buf in
            strata_send_with_fd(fd, buf.baseAddress, buf.count, passedFD)
        }
        if n < 0 { throw StrataError.system("send", "sync channel") }
    }

    public func send(_ text: String, passing passedFD: Int32 = -1) throws(StrataError) {
        try send(Array(text.utf8), passing: passedFD)
    }

    /// Receives one message; an empty array means the peer closed its end.
    public func receive(max: Int = 65536) throws(StrataError) -> (bytes: [UInt8], fd: Int32) {
        var buf = [UInt8](repeating: 0, count: max)
        var passed: Int32 = -1
        let n = buf.withUnsafeMutableBytes { raw in
            strata_recv_with_fd(fd, raw.baseAddress, raw.count, &passed)
        }
        if n < 0 { throw StrataError.system("receive", "sync channel") }
        return (Array(buf[0..<n]), passed)
    }

    public func close() { _ = Glibc.close(fd) }
}

