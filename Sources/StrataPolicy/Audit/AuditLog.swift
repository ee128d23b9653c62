#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// The append-only, hash-chained audit log (JSON lines).
///
/// Writers (`strun` at create, `strata audit serve`) take an exclusive flock on the log,
/// read the last record to chain to, and add their records with one O_APPEND write, so
/// concurrent processes neither lose nor interleave records. A small `<log>.head` file,
/// written under the same lock, holds the last seq and hash: it is how removing records
/// from the end is noticed.
public struct AuditLog: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    public var headPath: String { path + ".head" }

    /// Appends records (each a set of fields; seq, prev, hash and time are added) and
    /// returns the last one's seq.
    @discardableResult
    public func append(_ records: [[String: JSONValue]]) throws(StrataError) -> Int64 {
        guard !records.isEmpty else { return 0 }
        let fd = try open()
        defer { close(fd) }
        try sys("flock", path) { flock(fd, LOCK_EX) }
        let tail = try lastLine(fd)
        var seq = tail.seq
        var prev = tail.hash
        var out: [UInt8] = tail.endsWithNewline ? [] : [0x0a]
        let time = Clock.nowRFC3339()
        for var fields in records {
            if fields["time"] == nil { fields["time"] = .string(time) }
            seq += 1
            let (line, hash) = AuditRecord.line(fields, seq: seq, prev: prev)
            out.append(contentsOf: line)
            out.append(0x0a)
            prev = hash
        }
        try Files.writeAll(fd: fd, out, name: path)
        try writeHead(seq: seq, hash: prev)
        return seq
    }

    /// Overwrites the head in place with a fixed-size record: no O_TRUNC, which cost
    /// ext4 a journal transaction (~0.3 ms) per append.
    private func writeHead(seq: Int64, hash: String) throws(StrataError) {
        var head = Array(JSONValue.object(["seq": .int(seq), "hash": .string(hash)]).jsonText().utf8)
        head += [UInt8](repeating: 0x20, count: max(0, 127 - head.count)) + [0x0a]
        let fd = try sys("open", headPath) { Glibc.open(headPath, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600) }
        defer { close(fd) }
        let n = head.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        if n != head.count { throw StrataError.system("write", headPath) }
    }

    private func open() throws(StrataError) -> Int32 {
        let flags = O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC
        var fd = Glibc.open(path, flags, 0o600)
        if fd < 0 && errno == ENOENT {
            try Files.makeDirectories(Paths.dirname(path), mode: 0o700)
            fd = Glibc.open(path, flags, 0o600)
        }
        if fd < 0 { throw StrataError.system("open audit log", path) }
        return fd
    }

    struct Tail {
        var seq: Int64 = 0
        var hash = ChainHash.genesis
        var endsWithNewline = true
    }

    /// The last record's seq and hash, read backwards from the end of the file.
    private func lastLine(_ writeFD: Int32) throws(StrataError) -> Tail {
        // The append fd is write-only; the tail is read through a second descriptor.
        let fd = Glibc.open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 { throw StrataError.system("open audit log", path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw StrataError.system("stat audit log", path) }
        let size = Int(st.st_size)
        if size == 0 { return Tail() }
        var window = min(size, 8192)
        while true {
            var buf = [UInt8](repeating: 0, count: window)
            let n = buf.withUnsafeMutableBytes { pread(fd, $0.baseAddress, window, off_t(size - window)) }
            guard n == window else { throw StrataError.system("read audit log", path) }
            let endsWithNewline = buf.last == 0x0a
            let body = endsWithNewline ? buf.dropLast() : buf[...]
            if let start = body.lastIndex(of: 0x0a) ?? (window == size ? body.startIndex - 1 : nil) {
                let line = body[(start + 1)...]
                if let (seq, hash) = AuditRecord.chainFields(line) {
                    return Tail(seq: seq, hash: hash, endsWithNewline: endsWithNewline)
                }
                // A damaged last line still gets chained to (verify reports it), by the hash
                // of its bytes.
                return Tail(seq: 0, hash: ChainHash.hex(line), endsWithNewline: endsWithNewline)
            }
            guard window < size, window < 1 << 24 else {
                throw StrataError("read audit log", path, reason: "last record longer than \(window) bytes")
            }
            window = min(size, window * 4)
        }
    }
}
