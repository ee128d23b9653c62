import Testing
import StrataSystem

@Suite("Signals.parse")
struct SignalsTests {
    @Test("numbers 1...64", arguments: [("1", 1), ("9", 9), ("15", 15), ("34", 34), ("64", 64)] as [(String, Int32)])
    func numbers(text: String, expected: Int32) {
        #expect(Signals.parse(text) == expected)
    }

    @Test("names with and without SIG, any case", arguments: [
        ("KILL", 9), ("SIGKILL", 9), ("sigkill", 9), ("kill", 9), ("SigTerm", 15), ("TERM", 15),
        ("HUP", 1), ("INT", 2), ("QUIT", 3), ("USR1", 10), ("SIGUSR2", 12), ("PIPE", 13), ("ALRM", 14),
        ("CHLD", 17), ("CLD", 17), ("CONT", 18), ("STOP", 19), ("WINCH", 28), ("IOT", 6), ("ABRT", 6),
        ("IO", 29), ("POLL", 29), ("PWR", 30), ("SYS", 31), ("STKFLT", 16),
    ] as [(String, Int32)])
    func names(text: String, expected: Int32) {
        #expect(Signals.parse(text) == expected)
    }

    @Test("real-time signals", arguments: [
        ("RTMIN", 34), ("SIGRTMIN", 34), ("RTMIN+0", 34), ("RTMIN+1", 35), ("rtmin+3", 37), ("SIGRTMIN+30", 64),
        ("RTMAX", 64), ("SIGRTMAX", 64), ("RTMAX-0", 64), ("RTMAX-1", 63), ("sigrtmax-30", 34),
    ] as [(String, Int32)])
    func realtime(text: String, expected: Int32) {
        #expect(Signals.parse(text) == expected)
    }

    @Test("invalid", arguments: [
        "0", "65", "-1", "-9", "100", "FOO", "SIGFOO", "", "SIG", "RTMIN+31", "RTMAX-31", "RTMIN-1", "RTMAX+1",
        "RTMINX", "RTMIN+", "RTMIN+x", "RTMIN+-1", "RTMAX--1", "KILL ", " 9", "9.0",
    ])
    func invalid(text: String) {
        #expect(Signals.parse(text) == nil, "\"\(text)\"")
    }

    @Test("huge real-time offsets are rejected, not a crash")
    func hugeOffsets() async {
        await #expect(processExitsWith: .success) {
            precondition(Signals.parse("RTMIN+2147483647") == nil)
            precondition(Signals.parse("RTMAX--2147483648") == nil)
        }
    }

    @Test func bitMask() {
        #expect(Signals.bit(1) == 1)
        #expect(Signals.bit(9) == 1 << 8)
        #expect(Signals.bit(64) == 1 << 63)
    }
}
