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

    /// The program for `linux.seccomp`, or nil when the config has none.
    static func program(forOptional seccomp: LinuxSeccomp?, root: String) throws(StrataError) -> SeccompProgram? {
        guard let seccomp else { return nil }
        return try program(for: seccomp, root: root)
    }

    static func program(for seccomp: LinuxSeccomp, root: String) throws(StrataError) -> SeccompProgram {
        var keyed = seccomp
        // The listener does not change the BPF; keeping it out lets containers share entries.
        keyed.listenerPath = nil
        keyed.listenerMetadata = nil
        let key = keyed.jsonBytes() + [0] + Array(SeccompCompiler.libseccompVersion.utf8)
            + Array(" format \(SeccompCompiler.formatVersion)".utf8)
        let directory = root + "/@seccomp"
        let path = directory + "/" + hex(fnv1a(key)) + ".bpf"
        if let bytes = try? Files.read(path), let bpf = decode(bytes, key: key) {
            return try SeccompCompiler.program(seccomp, bpf: bpf)
        }
        let program = try SeccompCompiler.compile(seccomp)
        store(program.bpf, key: key, path: path, directory: directory, root: root)
        return program
    }

    /// The BPF of an entry made from exactly `key`, or nil. The program carries its own
    /// checksum, so a file cut short or mixed up by a crash is never installed.
    static func decode(_ bytes: [UInt8], key: [UInt8]) -> [UInt8]? {
        let header = magic.count + 8
        guard bytes.count > header, Array(bytes[0..<magic.count]) == magic else { return nil }
        let length = Int(littleEndian(bytes, at: magic.count))
        guard length == key.count, bytes.count > header + length + 8,
              bytes[header..<(header + length)].elementsEqual(key) else { return nil }
        let sum = littleEndian(bytes, at: header + length)
        let bpf = Array(bytes[(header + length + 8)...])
        guard bpf.count % 8 == 0, fnv1a(bpf) == sum else { return nil }
        return bpf
    }

    static func encode(_ bpf: [UInt8], key: [UInt8]) -> [UInt8] {
        magic + bytes(of: UInt64(key.count)) + key + bytes(of: fnv1a(bpf)) + bpf
    }

    private static func bytes(of value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8((value >> (8 * UInt64($0))) & 0xff) }
    }

    private static func littleEndian(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[offset + i]) << (8 * UInt64(i)) }
        return value
    }

    /// Best effort: a cache that cannot be written only costs the next create a compile.
    private static func store(_ bpf: [UInt8], key: [UInt8], path: String, directory: String, root: String) {
        _ = mkdir(root, 0o700)
        if mkdir(directory, 0o700) != 0 && currentErrno() == EEXIST,
           let names = try? Files.list(directory), names.count >= maxEntries {
            for name in names { _ = unlink(directory + "/" + name) }
        }
        // A temporary name of our own: strun processes compiling the same new profile at
        // once must not write into one file.
        let temp = path + ".\(getpid()).tmp"
        guard (try? Files.write(temp, encode(bpf, key: key), mode: 0o600)) != nil else { return }
        if rename(temp, path) != 0 { _ = unlink(temp) }
    }

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
