#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// Compiled filters kept under the state root (`<root>/@seccomp`, a name no container id
/// can take). libseccomp needs ~15 ms for a Docker-sized allow-list over three
/// architectures, and engines send the same profile for every container, so a filter is
/// compiled once per profile and libseccomp version, then read back in microseconds.
///
/// An entry holds the exact profile it was compiled from and is used only when that
/// matches byte for byte, so the file name's hash needs no collision resistance. The
/// directory is 0700 like the state root; whoever can write there can already rewrite
/// every container's state.
enum SeccompCache {
    static let magic = Array("strata-seccomp-bpf 1\n".utf8)
    static let maxEntries = 64

    static func program(for seccomp: LinuxSeccomp, root: String) throws(StrataError) -> SeccompProgram {
        var keyed = seccomp
        // The listener does not change the BPF; keeping it out lets containers share entries.
        keyed.listenerPath = nil
        keyed.listenerMetadata = nil
        let key = keyed.jsonBytes() + [0] + Array(SeccompCompiler.libseccompVersion.utf8)
        let directory = root + "/@seccomp"
        let path = directory + "/" + hex(fnv1a(key)) + ".bpf"
        if let bytes = try? Files.read(path), let bpf = decode(bytes, key: key) {
            return try SeccompCompiler.program(seccomp, bpf: bpf)
        }
        let program = try SeccompCompiler.compile(seccomp)
        store(program.bpf, key: key, path: path, directory: directory)
        return program
    }

    /// The BPF of an entry made from exactly `key`, or nil.
    static func decode(_ bytes: [UInt8], key: [UInt8]) -> [UInt8]? {
        let header = magic.count + 8
        guard bytes.count > header, Array(bytes[0..<magic.count]) == magic else { return nil }
        var length = 0
        for i in 0..<8 { length |= Int(bytes[magic.count + i]) << (8 * i) }
        guard length == key.count, bytes.count > header + length,
              bytes[header..<(header + length)].elementsEqual(key) else { return nil }
        let bpf = Array(bytes[(header + length)...])
        return bpf.count % 8 == 0 ? bpf : nil
    }

    static func encode(_ bpf: [UInt8], key: [UInt8]) -> [UInt8] {
        var length: [UInt8] = []
        for i in 0..<8 { length.append(UInt8((key.count >> (8 * i)) & 0xff)) }
        return magic + length + key + bpf
    }

    /// Best effort: a cache that cannot be written only costs the next create a compile.
    private static func store(_ bpf: [UInt8], key: [UInt8], path: String, directory: String) {
        _ = mkdir(root(of: directory), 0o700)
        if mkdir(directory, 0o700) != 0 && currentErrno() == EEXIST,
           let names = try? Files.list(directory), names.count >= maxEntries {
            for name in names { _ = unlink(directory + "/" + name) }
        }
        try? Files.writeAtomically(path, encode(bpf, key: key), mode: 0o600)
    }

    private static func root(of directory: String) -> String { Paths.dirname(directory) }

    static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
