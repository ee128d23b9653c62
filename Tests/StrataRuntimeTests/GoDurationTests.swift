import Testing
import StrataSystem
@testable import StrataRuntime

/// `events --interval` accepts what Go's time.ParseDuration accepts.
struct GoDurationTests {
    @Test(arguments: [
        ("5s", 5_000_000_000), ("1s", 1_000_000_000), ("500ms", 500_000_000), ("1m", 60_000_000_000),
        ("1h30m", 5_400_000_000_000), ("1.5s", 1_500_000_000), (".5s", 500_000_000), ("1.s", 1_000_000_000),
        ("250us", 250_000), ("250µs", 250_000), ("10ns", 10), ("0", 0), ("-2s", -2_000_000_000),
        ("+3ms", 3_000_000), ("1.0000000001s", 1_000_000_000),
    ] as [(String, Int64)])
    func parses(_ text: String, _ expected: Int64) {
        #expect(GoDuration.nanoseconds(text) == expected)
    }

    @Test(arguments: ["", "5", "1.5", "abc", "s", ".s", "5x", "1s5", "--1s", "3000000h"])
    func rejects(_ text: String) {
        #expect(GoDuration.nanoseconds(text) == nil)
    }

    @Test func intervalErrorsNameTheValue() {
        #expect(throws: StrataError.message("invalid value \"1.5\" for flag -interval: not a duration (use e.g. 5s, 500ms, 1m)")) {
            try GoDuration.interval("1.5")
        }
        #expect(throws: StrataError.message("duration interval must be greater than 0")) {
            try GoDuration.interval("0s")
        }
        #expect((try? GoDuration.interval("2s")) == 2_000_000_000)
    }
}

/// The event envelope runc's json.Encoder writes.
struct ContainerEventTests {
    @Test func oomLine() {
        #expect(String(decoding: ContainerEvent.oom(id: "c1").jsonLine, as: UTF8.self) == "{\"type\":\"oom\",\"id\":\"c1\"}\n")
    }

    @Test func statsLineWrapsData() {
        let line = String(decoding: ContainerEvent.stats(id: "c1", .init()).jsonLine, as: UTF8.self)
        #expect(line.hasPrefix("{\"type\":\"stats\",\"id\":\"c1\",\"data\":{\"cpu\":"))
        #expect(line.hasSuffix("\"network_interfaces\":null}}\n"))
    }
}
