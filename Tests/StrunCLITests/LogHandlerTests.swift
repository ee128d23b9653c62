#if canImport(Glibc)
import Glibc
#endif
import Testing
import Logging
import StrataSystem
@testable import StrunCLI

@Suite("StrunLogHandler")
struct LogHandlerTests {
    @Test("logrus level names", arguments: [
        (Logger.Level.trace, "trace"), (.debug, "debug"), (.info, "info"), (.notice, "info"),
        (.warning, "warning"), (.error, "error"), (.critical, "fatal"),
    ])
    func levelName(level: Logger.Level, expected: String) {
        #expect(StrunLogHandler.name(level) == expected)
    }

    /// Logs one message into a pipe and returns the line written.
    static func line(format: StrunLogHandler.Format, _ message: String) throws -> String {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw StrataError.system("pipe", "log") }
        defer { close(fds[0]) }
        let logger = Logger(label: "test") { _ in StrunLogHandler(fd: fds[1], format: format, logLevel: .info) }
        logger.error("\(message)")
        logger.debug("below the level")
        close(fds[1])
        return String(decoding: try Files.readAll(fd: fds[0], name: "log pipe"), as: UTF8.self)
    }

    @Test func jsonLine() throws {
        let text = try Self.line(format: .json, "container \"x\" does not exist")
        #expect(text.hasPrefix("{\"level\":\"error\",\"msg\":\"container \\\"x\\\" does not exist\",\"time\":\""))
        #expect(text.hasSuffix("Z\"}\n"))
        #expect(text.filter { $0 == "\n" }.count == 1)
    }

    @Test func textLine() throws {
        let text = try Self.line(format: .text, "boom")
        #expect(text.hasPrefix("time=\""))
        #expect(text.hasSuffix(" level=error msg=\"boom\"\n"))
    }
}
