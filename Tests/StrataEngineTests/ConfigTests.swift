import Testing
import StrataSpec
import StrataSystem
@testable import StrataEngine

@Suite struct ConfigTests {
    @Test func restartPolicies() throws {
        #expect(try RestartPolicy(parsing: "no") == .no)
        #expect(try RestartPolicy(parsing: "always") == .always)
        #expect(try RestartPolicy(parsing: "unless-stopped") == .unlessStopped)
        #expect(try RestartPolicy(parsing: "on-failure") == .onFailure(maxRetries: 0))
        #expect(try RestartPolicy(parsing: "on-failure:3") == .onFailure(maxRetries: 3))
        #expect(throws: StrataError.self) { try RestartPolicy(parsing: "sometimes") }
        #expect(throws: StrataError.self) { try RestartPolicy(parsing: "on-failure:x") }
        #expect(throws: StrataError.self) { try RestartPolicy(parsing: "on-failure:-1") }
    }

    @Test func restartDecisions() {
        let limited = RestartPolicy.onFailure(maxRetries: 2)
        #expect(limited.shouldRestart(exitCode: 1, restarts: 0, manuallyStopped: false))
        #expect(limited.shouldRestart(exitCode: 1, restarts: 1, manuallyStopped: false))
        #expect(!limited.shouldRestart(exitCode: 1, restarts: 2, manuallyStopped: false))
        #expect(!limited.shouldRestart(exitCode: 0, restarts: 0, manuallyStopped: false))
        #expect(RestartPolicy.always.shouldRestart(exitCode: 0, restarts: 100, manuallyStopped: false))
        #expect(!RestartPolicy.always.shouldRestart(exitCode: 1, restarts: 0, manuallyStopped: true))
        #expect(!RestartPolicy.no.shouldRestart(exitCode: 1, restarts: 0, manuallyStopped: false))
    }

    @Test func backoffDoublesAndResets() {
        var backoff = RestartBackoff()
        #expect(backoff.next(afterUptime: 0) == 100_000_000)
        #expect(backoff.next(afterUptime: 0) == 200_000_000)
        #expect(backoff.next(afterUptime: 1_000_000_000) == 400_000_000)
        #expect(backoff.next(afterUptime: 10_000_000_000) == 100_000_000)
        for _ in 0..<20 { _ = backoff.next(afterUptime: 0) }
        #expect(backoff.delay == RestartBackoff.maximum)
    }

    @Test func durationsAndSizes() throws {
        #expect(try Units.duration("30s", flag: "x") == 30_000_000_000)
        #expect(try Units.duration("1m30s", flag: "x") == 90_000_000_000)
        #expect(try Units.duration("500ms", flag: "x") == 500_000_000)
        #expect(try Units.duration("2", flag: "x") == 2_000_000_000)
        #expect(throws: StrataError.self) { try Units.duration("soon", flag: "x") }
        #expect(throws: StrataError.self) { try Units.duration("5x", flag: "x") }
        #expect(try Units.bytes("64m", flag: "x") == 64 << 20)
        #expect(try Units.bytes("1g", flag: "x") == 1 << 30)
        #expect(try Units.bytes("512", flag: "x") == 512)
        #expect(try Units.bytes("64MiB", flag: "x") == 64 << 20)
        #expect(throws: StrataError.self) { try Units.bytes("lots", flag: "x") }
        #expect(throws: StrataError.self) { try Units.bytes("0", flag: "x") }
    }

    @Test func capabilities() throws {
        let defaults = try DefaultCapabilities.apply(add: [], drop: [])
        #expect(defaults == DefaultCapabilities.docker)
        let changed = try DefaultCapabilities.apply(add: ["net_admin"], drop: ["CAP_CHOWN", "mknod"])
        #expect(changed.contains("CAP_NET_ADMIN") && !changed.contains("CAP_CHOWN") && !changed.contains("CAP_MKNOD"))
        #expect(try DefaultCapabilities.apply(add: ["KILL"], drop: ["ALL"]) == ["CAP_KILL"])
        #expect(throws: StrataError.self) { try DefaultCapabilities.apply(add: ["CAP_FLY"], drop: []) }
    }
}
