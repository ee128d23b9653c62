#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Derived data (a compiled seccomp filter, a compiled policy) kept in files under one
/// directory of the state root, so that work done for one container is read back by the next.
///
/// An entry holds the exact key it was made from and is returned only when that matches
/// byte for byte, so the file name's hash needs no collision resistance. Its payload carries
/// a checksum: a file cut short or mixed up by a crash is a miss, never wrong data. Entries
/// are written under a temporary name and renamed, so concurrent writers cannot interleave.
/// The directory is 0700 like the state root; whoever can write there can already rewrite
/// every container's state.
public struct KeyedFileCache: Sendable {
    /// Where the entries live, e.g. `<root>/@seccomp` (a name no container id can take).
    public let directory: String
    /// The first bytes of every entry: names the format and its version.
    public let magic: String
    /// A full directory is emptied before the next store: engines use a handful of
    /// profiles and policies, and an old entry only costs its one rebuild.
    public let maxEntries: Int

    public init(directory: String, magic: String, maxEntries: Int = 64) {
        self.directory = directory
        self.magic = magic
        self.maxEntries = maxEntries
    }

    /// The entry file for `name` (hashed, so any text can name an entry).
    public func path(name: [UInt8]) -> String {
        name.withUnsafeBytes { path(name: $0) }
    }

    /// The entry file for a name given as text (its UTF-8).
    public func path(name: String) -> String {
        var name = name
        return name.withUTF8 { path(name: UnsafeRawBufferPointer($0)) }
    }

    // Names and checksums go through raw buffers, not a generic Sequence: an unspecialized
    // generic call across modules builds its iterator's metadata at run time (measured: six
    // page faults on the create path).
    private func path(name: UnsafeRawBufferPointer) -> String {
        directory + "/" + Self.hex(Self.fnv1a(name))
    }

    /// The payload stored under `name` for exactly `key`, or nil.
    public func load(name: [UInt8], key: [UInt8]) -> [UInt8]? {
        payload(at: path(name: name)) { stored in Self.equal(stored, key) }
    }

    /// A copy of the payload of the entry file `entry` when `keyMatches` accepts its key.
    public func payload(at entry: String, keyMatches: (UnsafeRawBufferPointer) -> Bool) -> [UInt8]? {
        var payload: [UInt8]?
        _ = withEntry(at: entry, keyMatches: keyMatches) { bytes in
            // Built the way `Files.readAll` builds its buffers: that code is already mapped in
            // on strun's create path, where `Array(bytes)` took a page fault of its own.
            payload = [UInt8](unsafeUninitializedCapacity: bytes.count) { out, initialized in
                if let from = bytes.baseAddress, let to = out.baseAddress {
                    UnsafeMutableRawPointer(to).copyMemory(from: from, byteCount: bytes.count)
                }
                initialized = bytes.count
            }
        }
        return payload
    }

    /// Calls `body` with the payload of the entry file `entry` (see `path(name:)`), where it
    /// lies, when `keyMatches` accepts the entry's key (given its bytes); false on a miss.
    /// For keys too large to build just to compare, such as a whole source file the caller
    /// streams. Not generic: an unspecialized generic here made its metadata at run time.
    public func withEntry(at entry: String, keyMatches: (UnsafeRawBufferPointer) -> Bool,
                          _ body: (UnsafeRawBufferPointer) -> Void) -> Bool {
        let fd = open(entry, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        func use(_ bytes: UnsafeRawBufferPointer) -> Bool {
            guard let (key, payload) = split(bytes), keyMatches(key) else { return false }
            body(payload)
            return true
        }
        // Read, not mapped: measured, a mapping (its fault-around and the TLB flush of the
        // unmap) cost more than copying a 10 KB entry. One read into stack scratch, where a
        // fresh heap buffer faulted in two or three pages; no fstat and no read to confirm
        // the end: a short read is the whole file, and an entry cut short fails its checksum.
        var used = false
        StackScratch.with { buffer in
            var n: Int
            repeat { n = read(fd, buffer.baseAddress, buffer.count) } while n < 0 && currentErrno() == EINTR
            guard n >= 0 else { return }
            let head = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[..<n])
            guard n == buffer.count else {
                used = use(head)
                return
            }
            // A larger entry (a Docker-sized seccomp profile and its filter): the rest on the heap.
            guard let rest = try? Files.readAll(fd: fd, name: entry) else { return }
            used = (Array(head) + rest).withUnsafeBytes(use)
        }
        return used
    }

    /// Best effort: a cache that cannot be written only costs the next caller a rebuild.
    public func store(_ payload: [UInt8], name: [UInt8], key: [UInt8]) {
        if let parent = directory.lastIndex(of: "/"), parent != directory.startIndex {
            _ = mkdir(String(directory[..<parent]), 0o700)
        }
        if mkdir(directory, 0o700) != 0 && currentErrno() == EEXIST,
           let names = try? Files.list(directory), names.count >= maxEntries {
            for entry in names { _ = unlink(directory + "/" + entry) }
        }
        let target = path(name: name)
        // A temporary name of our own: processes building the same new entry at once must
        // not write into one file.
        let temp = target + ".\(getpid()).tmp"
        guard (try? Files.write(temp, encode(payload, key: key), mode: 0o600)) != nil else { return }
        if rename(temp, target) != 0 { _ = unlink(temp) }
    }

    /// magic, key length, key, payload checksum, payload.
    public func encode(_ payload: [UInt8], key: [UInt8]) -> [UInt8] {
        var out = Array(magic.utf8)
        out.reserveCapacity(out.count + 16 + key.count + payload.count)
        Self.append(UInt64(key.count), to: &out)
        out += key
        Self.append(payload.withUnsafeBytes(Self.checksum), to: &out)
        out += payload
        return out
    }

    /// The payload of an entry made from exactly `key`, or nil.
    public func decode(_ bytes: [UInt8], key: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBytes { entry in
            guard let (stored, payload) = split(entry), Self.equal(stored, key) else { return nil }
            return Array(payload)
        }
    }

    /// An entry's key and payload, or nil when it is not one of ours or its payload fails
    /// its checksum.
    private func split(_ entry: UnsafeRawBufferPointer) -> (key: UnsafeRawBufferPointer, payload: UnsafeRawBufferPointer)? {
        let header = magic.utf8.count + 8
        guard entry.count >= header + 8, Self.hasPrefix(entry, magic) else { return nil }
        let keyLength = Self.littleEndian(entry, at: header - 8)
        guard keyLength <= UInt64(entry.count - header - 8) else { return nil }
        let keyEnd = header + Int(keyLength)
        let payload = UnsafeRawBufferPointer(rebasing: entry[(keyEnd + 8)...])
        guard Self.checksum(payload) == Self.littleEndian(entry, at: keyEnd) else { return nil }
        return (UnsafeRawBufferPointer(rebasing: entry[header..<keyEnd]), payload)
    }

    /// Whether `bytes` starts with `text`'s UTF-8 (memcmp, not a generic sequence walk).
    public static func hasPrefix(_ bytes: UnsafeRawBufferPointer, _ text: String) -> Bool {
        var text = text
        return text.withUTF8 { t in
            guard t.count <= bytes.count else { return false }
            guard let a = bytes.baseAddress, let b = t.baseAddress else { return true }
            return memcmp(a, b, t.count) == 0
        }
    }

    /// memcmp: a policy's key is its whole source file.
    private static func equal(_ a: UnsafeRawBufferPointer, _ b: [UInt8]) -> Bool {
        guard a.count == b.count else { return false }
        return b.withUnsafeBytes { b in
            guard let pa = a.baseAddress, let pb = b.baseAddress else { return true }
            return memcmp(pa, pb, b.count) == 0
        }
    }

    /// FNV-1a, 64 bits: a name hash and a checksum against accidents, not an adversary.
    /// The payload's checksum, against a file cut short or mixed up, not an adversary:
    /// FNV-1a's multiply eight bytes a step, each followed by a shift that folds the high
    /// bits back down (byte by byte it was a tenth of a policy's admission step), then the
    /// tail byte by byte. An entry written with another checksum is a miss, and rewritten.
    public static func checksum(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let prime: UInt64 = 0x0000_0100_0000_01b3
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bytes.count)
        var i = 0
        while i + 8 <= bytes.count {
            hash = (hash ^ bytes.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* prime
            hash ^= hash >> 29
            i += 8
        }
        while i < bytes.count {
            hash = (hash ^ UInt64(bytes[i])) &* prime
            i += 1
        }
        return hash
    }

    public static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBytes { fnv1a($0) }
    }

    public static func fnv1a(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// Sixteen lower-case hex digits. By hand, on the stack: the radix formatter and a
    /// fresh array are code `create` runs nowhere else, and each first run of a code page
    /// is a fault (measured: four of them, ~20 µs, in this one call).
    public static func hex(_ value: UInt64) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { digits in
            for i in 0..<16 {
                let nibble = UInt8((value >> UInt64(60 - 4 * i)) & 0xf)
                digits[i] = nibble < 10 ? 0x30 + nibble : 0x57 + nibble
            }
            return String(decoding: digits, as: UTF8.self)
        }
    }

    private static func append(_ value: UInt64, to out: inout [UInt8]) {
        for i in 0..<8 { out.append(UInt8((value >> (8 * UInt64(i))) & 0xff)) }
    }

    private static func littleEndian(_ bytes: UnsafeRawBufferPointer, at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        return value
    }
}
