#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// Checks an audit log's chain: every record's hash against its content, every `prev`
/// against the record before, `seq` without gaps, and the last record against the head
/// file. Reports the first bad record.
public enum AuditVerifier {
    public struct Report: Sendable {
        /// Good records before the first bad one (all of them when intact).
        public var records: Int
        public var lastHash: String
        /// The 1-based line of the first bad record, and what is wrong with it.
        public var firstBad: (line: Int, reason: String)?
        /// Set when there is no head file to check the end of the log against.
        public var headMissing: Bool
        public var intact: Bool { firstBad == nil }
    }

    public static func verify(_ log: AuditLog) throws(StrataError) -> Report {
        let fd = Glibc.open(log.path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw StrataError.system("open audit log", log.path) }
        defer { close(fd) }
        // Shared lock: a writer's records are either all in or not yet.
        try sys("flock", log.path) { flock(fd, LOCK_SH) }
        let bytes = try Files.readAll(fd: fd, name: log.path)
        let headBytes = try? Files.read(log.headPath)
        return check(bytes, head: headBytes)
    }

    static func check(_ bytes: [UInt8], head: [UInt8]?) -> Report {
        var report = Report(records: 0, lastHash: ChainHash.genesis, firstBad: nil, headMissing: head == nil)
        var expectedSeq: Int64 = 1
        var lineNumber = 0
        var start = 0
        while start < bytes.count {
            lineNumber += 1
            guard let end = bytes[start...].firstIndex(of: 0x0a) else {
                report.firstBad = (lineNumber, "incomplete last line (no newline): a write was cut off or the line was edited")
                return report
            }
            let line = bytes[start..<end]
            start = end + 1
            guard let record = AuditRecord.parse(line) else {
                report.firstBad = (lineNumber, "not a JSON object: the line was edited")
                return report
            }
            guard let hash = record.hash, let computed = record.computed, hash == computed else {
                report.firstBad = (lineNumber, "its hash does not match its content: the record was edited")
                return report
            }
            guard record.prev == report.lastHash else {
                report.firstBad = (lineNumber, "its prev does not match the hash of the record before it: a record was removed or reordered before this line")
                return report
            }
            guard record.seq == expectedSeq else {
                report.firstBad = (lineNumber, "seq \(record.seq.map(String.init) ?? "missing"), expected \(expectedSeq): records were removed before this line")
                return report
            }
            expectedSeq += 1
            report.records += 1
            report.lastHash = hash
        }
        if let head, case .object(let h)? = try? JSONValue(parsing: head) {
            let headSeq: Int64? = if case .int(let s)? = h["seq"] { s } else { nil }
            let headHash: String? = if case .string(let s)? = h["hash"] { s } else { nil }
            // A head behind the log is a writer that died between its two writes; a head
            // ahead of it, or at the same seq with another hash, means records went missing.
            if (headSeq ?? Int64.max) > Int64(report.records)
                || (headSeq == Int64(report.records) && headHash != report.lastHash) {
                report.firstBad = (lineNumber + 1, "the log ends at seq \(report.records) but its head file records seq \(headSeq.map(String.init) ?? "?"): records were removed from the end")
            }
        } else if head != nil {
            report.firstBad = (lineNumber + 1, "the head file is not valid")
        }
        return report
    }
}
