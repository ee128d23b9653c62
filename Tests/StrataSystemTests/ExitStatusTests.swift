import Testing
import StrataSystem

/// Testing has its own `ExitStatus`; this is the runtime's.
typealias WaitResult = StrataSystem.ExitStatus

@Suite("ExitStatus")
struct ExitStatusTests {
    static let cases: [(Int32, WaitResult)] = [
        (0x0000, .exited(0)), (0x0100, .exited(1)), (0x7f00, .exited(127)), (0xff00, .exited(255)),
        (9, .signaled(9)), (15, .signaled(15)), (0x80 | 11, .signaled(11)), (0x80 | 6, .signaled(6)),
        (64, .signaled(64)),
    ]

    @Test func decodeWaitStatuses() {
        for (status, expected) in Self.cases {
            #expect(WaitResult(waitStatus: status) == expected, "status 0x\(String(status, radix: 16))")
        }
    }

    @Test func shellCode() {
        #expect(WaitResult.exited(0).shellCode == 0)
        #expect(WaitResult.exited(3).shellCode == 3)
        #expect(WaitResult.exited(255).shellCode == 255)
        #expect(WaitResult.signaled(9).shellCode == 137)
        #expect(WaitResult.signaled(15).shellCode == 143)
        #expect(WaitResult(waitStatus: 0x80 | 11).shellCode == 139)
    }
}
