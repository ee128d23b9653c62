import Testing
import StrataSystem

@Suite struct KeyedFileCacheTests {
    @Test func smallAndLargeEntriesRoundTrip() throws {
        let dir = try TemporaryDirectory("keyed-cache")
        defer { dir.remove() }
        let cache = KeyedFileCache(directory: dir.path + "/@test", magic: "strata-test 1\n")
        let small = Array("payload".utf8)
        // Larger than the stack buffer: read through the heap instead.
        let large = (0..<40_000).map { UInt8($0 % 251) }
        cache.store(small, name: Array("a".utf8), key: Array("key-a".utf8))
        cache.store(large, name: Array("b".utf8), key: Array(repeating: 7, count: 20_000))
        #expect(cache.load(name: Array("a".utf8), key: Array("key-a".utf8)) == small)
        #expect(cache.load(name: Array("a".utf8), key: Array("key-x".utf8)) == nil)
        #expect(cache.load(name: Array("b".utf8), key: Array(repeating: 7, count: 20_000)) == large)
        #expect(cache.load(name: Array("b".utf8), key: Array(repeating: 7, count: 19_999)) == nil)
        #expect(cache.load(name: Array("c".utf8), key: []) == nil)
    }

    /// Entries one byte under, at and over the stack scratch's size, where the read moves
    /// from one buffer to two.
    @Test func entriesAtTheScratchSizeRoundTrip() throws {
        let dir = try TemporaryDirectory("keyed-cache-edge")
        defer { dir.remove() }
        let cache = KeyedFileCache(directory: dir.path + "/@test", magic: "strata-test 1\n")
        let key = Array("0123456789".utf8)
        let header = cache.encode([], key: key).count
        for size in StackScratch.byteCount - 1...StackScratch.byteCount + 1 {
            let payload = (0..<(size - header)).map { UInt8($0 % 253) }
            #expect(cache.encode(payload, key: key).count == size)
            cache.store(payload, name: Array("e\(size)".utf8), key: key)
            #expect(cache.load(name: Array("e\(size)".utf8), key: key) == payload, "entry of \(size) bytes")
        }
    }
}
