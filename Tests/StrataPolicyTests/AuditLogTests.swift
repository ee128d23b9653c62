#if canImport(Glibc)
import Glibc
#endif
import Testing
import StrataSpec
import StrataSystem
@testable import StrataPolicy

/// A fresh log path in a temporary directory (removed with `testFilesRoot`).
func tempLog() -> AuditLog {
    AuditLog(path: tempDirectory("audit") + "/sub/audit.jsonl")
}

func lines(_ log: AuditLog) throws -> [String] {
    try Files.readText(log.path).split(separator: "\n").map(String.init)
}

func rewrite(_ log: AuditLog, _ lines: [String]) throws {
    try Files.write(log.path, Array((lines.joined(separator: "\n") + "\n").utf8))
}

@Suite struct AuditLogTests {
    @Test func appendsAChainThatVerifies() throws {
        let log = tempLog()
        try log.append([["rule": "a", "decision": "deny"]])
        try log.append([["rule": "b"], ["rule": "c"]])
        let all = try lines(log)
        #expect(all.count == 3)
        #expect(all[0].contains(#""prev":"\#(ChainHash.genesis)""#))
        #expect(all[2].contains(#""seq":3"#))
        #expect(all[2].hasSuffix("\"}"))
        let report = try AuditVerifier.verify(log)
        #expect(report.intact)
        #expect(report.records == 3)
        #expect(!report.headMissing)
    }

    @Test func anEditedRecordIsNamed() throws {
        let log = tempLog()
        try log.append((1...5).map { ["rule": .string("r\($0)"), "decision": "deny"] })
        var all = try lines(log)
        all[2] = String(all[2].replacing("deny", with: "allow"))
        try rewrite(log, all)
        let report = try AuditVerifier.verify(log)
        #expect(report.firstBad?.line == 3)
        #expect(report.firstBad?.reason.contains("edited") == true)
        #expect(report.records == 2)
    }

    @Test func aRemovedRecordIsNamed() throws {
        let log = tempLog()
        try log.append((1...5).map { ["rule": .string("r\($0)")] })
        var all = try lines(log)
        all.remove(at: 1)
        try rewrite(log, all)
        let report = try AuditVerifier.verify(log)
        #expect(report.firstBad?.line == 2)
        #expect(report.firstBad?.reason.contains("removed") == true)
    }

    @Test func removingTheLastRecordIsNoticedByTheHead() throws {
        let log = tempLog()
        try log.append((1...3).map { ["rule": .string("r\($0)")] })
        try rewrite(log, Array(try lines(log).dropLast()))
        let report = try AuditVerifier.verify(log)
        #expect(report.firstBad?.reason.contains("removed from the end") == true)
    }

    @Test func aRecomputedHashStillBreaksTheNextLink() throws {
        let log = tempLog()
        try log.append((1...3).map { ["rule": .string("r\($0)")] })
        var all = try lines(log)
        // Forge record 2 consistently with itself: new content, its own hash recomputed.
        let (forged, _) = AuditRecord.line(["rule": "forged", "time": "t"], seq: 2,
                                           prev: AuditRecord.parse(ArraySlice(all[0].utf8))?.hash ?? "")
        all[1] = String(decoding: forged, as: UTF8.self)
        try rewrite(log, all)
        let report = try AuditVerifier.verify(log)
        #expect(report.firstBad?.line == 3)
    }

    @Test func appendsChainAfterADamagedTail() throws {
        let log = tempLog()
        try log.append([["rule": "a"]])
        // A cut-off write: no newline at the end.
        try Files.write(log.path, Array((try lines(log)[0] + "\n{\"partial\":").utf8))
        try log.append([["rule": "b"]])
        let all = try lines(log)
        #expect(all.count == 3)
        #expect(try AuditVerifier.verify(log).firstBad?.line == 2)
    }

    @Test func concurrentAppendersLoseNothing() async throws {
        let log = tempLog()
        try log.append([["rule": "first"]])
        // Each append opens the log itself, so concurrent tasks contend on flock exactly as
        // separate processes do (tests/integration/audit.bats runs real parallel strun).
        await withTaskGroup(of: Void.self) { group in
            for w in 0..<8 {
                group.addTask {
                    for i in 0..<25 { _ = try? log.append([["writer": .int(Int64(w)), "i": .int(Int64(i))]]) }
                }
            }
        }
        let report = try AuditVerifier.verify(log)
        #expect(report.intact)
        #expect(report.records == 201)
    }
}
