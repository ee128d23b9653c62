#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec

/// Compiled filters kept under the state root (`<root>/@seccomp`, see `KeyedFileCache`).
/// libseccomp needs ~15 ms for a Docker-sized allow-list over three architectures, and
/// engines send the same profile for every container, so a filter is compiled once per
/// profile and libseccomp version, then read back in microseconds.
enum SeccompCache {
    static let magic = "strata-seccomp-bpf 1\n"

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
        let cache = KeyedFileCache(directory: root + "/@seccomp", magic: magic)
        if let bytes = cache.load(name: key, key: key), let bpf = program(bytes) {
            return try SeccompCompiler.program(seccomp, bpf: bpf)
        }
        let program = try SeccompCompiler.compile(seccomp)
        cache.store(program.bpf, name: key, key: key)
        return program
    }

    /// A cached payload that is a whole BPF program (8-byte instructions, at least one).
    static func program(_ payload: [UInt8]) -> [UInt8]? {
        payload.isEmpty || payload.count % 8 != 0 ? nil : payload
    }
}
