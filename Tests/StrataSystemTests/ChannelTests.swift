#if canImport(Glibc)
import Glibc
#endif
import Testing
import StrataSystem

@Suite("Channel")
struct ChannelTests {
    @Test func messagesKeepTheirBoundaries() throws {
        let (a, b) = try Channel.pair()
        defer { a.close(); b.close() }
        try a.send("pid 1234")
        try a.send("ready")
        try a.send([UInt8]([0, 1, 2, 255]))
        #expect(try b.receive().bytes == Array("pid 1234".utf8))
        #expect(try b.receive().bytes == Array("ready".utf8))
        let third = try b.receive()
        #expect(third.bytes == [0, 1, 2, 255])
        #expect(third.fd == -1)
        try b.send("back")
        #expect(try a.receive().bytes == Array("back".utf8))
    }

    @Test func passesAFileDescriptor() throws {
        let (a, b) = try Channel.pair()
        defer { a.close(); b.close() }
        var fds: [Int32] = [-1, -1]
        #expect(pipe(&fds) == 0)
        let (readEnd, writeEnd) = (fds[0], fds[1])
        try a.send("fd", passing: readEnd)
        close(readEnd)
        let message = try b.receive()
        #expect(message.bytes == Array("fd".utf8))
        #expect(message.fd >= 0)
        #expect(message.fd != b.fd)
        defer { if message.fd >= 0 { close(message.fd) } }
        try Files.writeAll(fd: writeEnd, Array("through the pipe".utf8), name: "pipe")
        close(writeEnd)
        #expect(try Files.readAll(fd: message.fd, name: "received") == Array("through the pipe".utf8))
        // Received descriptors are close-on-exec.
        #expect(fcntl(message.fd, F_GETFD) & FD_CLOEXEC != 0)
    }

    @Test func endOfFileAfterPeerCloses() throws {
        let (a, b) = try Channel.pair()
        defer { b.close() }
        try a.send("last")
        a.close()
        #expect(try b.receive().bytes == Array("last".utf8))
        let eof = try b.receive()
        #expect(eof.bytes.isEmpty)
        #expect(eof.fd == -1)
    }

    @Test func pairIsCloseOnExec() throws {
        let (a, b) = try Channel.pair()
        defer { a.close(); b.close() }
        #expect(fcntl(a.fd, F_GETFD) & FD_CLOEXEC != 0)
        #expect(fcntl(b.fd, F_GETFD) & FD_CLOEXEC != 0)
    }

    @Test func streamPairCarriesBytes() throws {
        let (a, b) = try Channel.streamPair()
        defer { a.close(); b.close() }
        try a.send("hello")
        #expect(try b.receive().bytes == Array("hello".utf8))
    }
}
