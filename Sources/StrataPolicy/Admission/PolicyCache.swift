#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// Policies as `strun create` reads them: parsed from JSON once per source text, then read
/// back in compiled form from `<root>/@policy` (see `KeyedFileCache`).
///
/// An entry is keyed by the policy's path and its whole text, compared byte for byte on
/// every read: an edited policy is parsed (and checked) again on the next create, however
/// quickly it was rewritten, and a policy the parser refuses never gets an entry. The text is
/// compared as it is read, through stack scratch (`StackScratch`): in this VM every fresh
/// heap page costs a fault of several microseconds, which for a 10 KB policy outweighed the rest.
public enum PolicyCache {
    /// The policy at `path`; cached under `root` (the runtime's state root) when given.
    public static func load(_ path: String, root: String?) throws(StrataError) -> Policy {
        guard let root, !root.isEmpty else { return try PolicyParser.load(path) }
        let fd = try sys("open", path) { open(path, O_RDONLY | O_CLOEXEC) }
        defer { close(fd) }
        // The format version covers the parser's semantics too: bump it when either changes.
        let cache = KeyedFileCache(directory: root + "/@policy", magic: Policy.cacheMagic)
        // The payload is copied out (and kept by the rules) and read here: a `Policy?` that
        // a closure assigns to made the runtime build Optional<Policy>'s metadata (9K
        // instructions) on every create.
        if let payload = cache.payload(at: cache.path(name: path), keyMatches: { sameKey($0, name: path, source: fd) }),
           let cached = Policy(compiled: payload) {
            return cached
        }
        guard lseek(fd, 0, SEEK_SET) == 0 else { throw StrataError.system("lseek", path) }
        let source = try Files.readAll(fd: fd, name: path)
        let policy = try PolicyParser.parse(source, path: path)
        let name = Array(path.utf8)
        cache.store(policy.compiled(), name: name, key: name + [0] + source)
        return policy
    }

    /// Whether `stored` is `name`, a NUL, then exactly what `source` holds from its start.
    static func sameKey(_ stored: UnsafeRawBufferPointer, name: String, source fd: Int32) -> Bool {
        let n = name.utf8.count
        guard stored.count > n, KeyedFileCache.hasPrefix(stored, name), stored[n] == 0 else { return false }
        let text = UnsafeRawBufferPointer(rebasing: stored[(n + 1)...])
        // 16 KB: a policy of a hundred rules in one read, plus the one that finds the end.
        var same = false
        StackScratch.with { chunk in
            var offset = 0
            while true {
                let n = pread(fd, chunk.baseAddress, chunk.count, off_t(offset))
                if n < 0 && currentErrno() == EINTR { continue }
                // An error reads as a miss: the full read that follows reports it.
                if n < 0 { return }
                if n == 0 {
                    same = offset == text.count
                    return
                }
                guard n <= text.count - offset, let base = chunk.baseAddress, let expected = text.baseAddress,
                      memcmp(base, expected + offset, n) == 0 else { return }
                offset += n
            }
        }
        return same
    }
}
