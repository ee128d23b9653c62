/// The primitives of a policy's compiled form (see `PolicyCoding`): LEB128 counts,
/// length-prefixed UTF-8 strings, one-byte flags and enums.
struct ByteWriter {
    var bytes: [UInt8] = []

    mutating func count(_ value: Int) {
        var v = UInt64(value)
        repeat {
            let low = UInt8(v & 0x7f)
            v >>= 7
            bytes.append(v == 0 ? low : low | 0x80)
        } while v != 0
    }

    mutating func string(_ s: String) {
        count(s.utf8.count)
        bytes.append(contentsOf: s.utf8)
    }

    mutating func optionalString(_ s: String?) {
        bool(s != nil)
        if let s { string(s) }
    }

    mutating func strings(_ list: [String]) {
        count(list.count)
        for s in list { string(s) }
    }

    mutating func optionalStrings(_ list: [String]?) {
        bool(list != nil)
        if let list { strings(list) }
    }

    mutating func bool(_ b: Bool) { bytes.append(b ? 1 : 0) }

    /// A bit mask, as a LEB128 number (capability masks stay below 2^63).
    mutating func mask(_ m: UInt64) { count(Int(truncatingIfNeeded: m & UInt64(Int.max))) }

    mutating func byte(_ b: UInt8) { bytes.append(b) }

    mutating func effect(_ e: Effect) { bytes.append(e.code) }

    mutating func severity(_ s: Severity) { bytes.append(UInt8(s.rank)) }

    /// Numbers the parser admits are >= 0.
    mutating func optionalNumber(_ n: Int64?) {
        bool(n != nil)
        if let n { count(Int(n)) }
    }

    /// `body`'s bytes preceded by their length, so that a reader can step over them.
    mutating func block(_ body: (inout ByteWriter) -> Void) {
        var inner = ByteWriter()
        body(&inner)
        count(inner.bytes.count)
        bytes += inner.bytes
    }
}

/// Reads what `ByteWriter` wrote. Every read checks the bounds and yields nil past them,
/// so damaged bytes are refused, never read out of range.
struct ByteReader {
    let buffer: UnsafeRawBufferPointer
    var offset: Int
    /// Where this reader's bytes end (a block's end, or the buffer's).
    let end: Int

    init(_ buffer: UnsafeRawBufferPointer, from offset: Int = 0, to end: Int? = nil) {
        self.buffer = buffer
        self.offset = offset
        self.end = min(end ?? buffer.count, buffer.count)
    }

    var atEnd: Bool { offset == end }
    var remaining: Int { end - offset }

    mutating func byte() -> UInt8? {
        guard offset < end else { return nil }
        defer { offset += 1 }
        return buffer[offset]
    }

    mutating func count() -> Int? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while shift < 63, let b = byte() {
            value |= UInt64(b & 0x7f) << shift
            if b & 0x80 == 0 { return Int(exactly: value) }
            shift += 7
        }
        return nil
    }

    /// The next string's bytes, where they lie.
    mutating func stringBytes() -> UnsafeRawBufferPointer? {
        guard let n = count(), n <= remaining else { return nil }
        defer { offset += n }
        return UnsafeRawBufferPointer(rebasing: buffer[offset..<(offset + n)])
    }

    mutating func string() -> String? {
        stringBytes().map { String(decoding: $0, as: UTF8.self) }
    }

    mutating func bool() -> Bool? { byte().map { $0 != 0 } }

    mutating func mask() -> UInt64? { count().map { UInt64($0) } }

    /// A mask of at most eight bits (namespace types, limit kinds); nil when wider.
    mutating func smallMask() -> UInt8? { count().flatMap { UInt8(exactly: $0) } }

    mutating func optionalString() -> String?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let s = string() else { return nil }
        return .some(s)
    }

    mutating func strings() -> [String]? {
        guard let n = count(), n <= remaining else { return nil }
        var out: [String] = []
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let s = string() else { return nil }
            out.append(s)
        }
        return out
    }

    mutating func optionalStrings() -> [String]?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let l = strings() else { return nil }
        return .some(l)
    }

    mutating func optionalNumber() -> Int64?? {
        guard let present = bool() else { return nil }
        guard present else { return .some(nil) }
        guard let n = count() else { return nil }
        return .some(Int64(n))
    }

    mutating func effect() -> Effect? {
        byte().flatMap(Effect.init(code:))
    }

    mutating func severity() -> Severity? {
        byte().flatMap { Severity(rank: Int($0)) }
    }

    /// A reader over the next length-prefixed block; this one moves past it.
    mutating func block() -> ByteReader? {
        guard let n = count(), n <= remaining else { return nil }
        defer { offset += n }
        return ByteReader(buffer, from: offset, to: offset + n)
    }
}

/// Whether a string's UTF-8 is exactly these bytes.
func utf8Equals(_ s: String, _ bytes: UnsafeRawBufferPointer) -> Bool {
    var s = s
    return s.withUTF8 { u in
        u.count == bytes.count && (u.isEmpty || u.elementsEqual(bytes))
    }
}
