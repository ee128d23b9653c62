import StrataSystem
import StrataSpec

/// Reads and validates a bundle's config.json, turning spec errors into `StrataError`s
/// that name the file and the JSON path.
public enum SpecLoader {
    /// Decodes `<bundle>/config.json` and validates it; every problem is reported at once.
    public static func load(bundle: String) throws(StrataError) -> Spec {
        try loadWithBytes(bundle: bundle).spec
    }

    /// The spec and the exact bytes it came from (kept as the container's config).
    static func loadWithBytes(bundle: String) throws(StrataError) -> (spec: Spec, bytes: [UInt8]) {
        let path = Paths.join(bundle, "config.json")
        // Plain read(2): the spec module's file loader goes through FileManager, which
        // costs more than the decode on a cold start. Only a regular file of at most
        // 64 MiB is read: a symlink to /dev/zero would never end and a FIFO would block.
        // A symlink to a regular file is followed, as runc does.
        let bytes = try Files.readRegular(path)
        let spec: Spec
        do { spec = try Spec.load(fromJSON: bytes) } catch {
            throw StrataError.message("\(path): \(error.description)")
        }
        let problems = SpecValidator().problems(in: spec)
        if !problems.isEmpty {
            let list = problems.map(\.description).joined(separator: "; ")
            throw StrataError.message("invalid config \(bundle)/config.json: \(list)", errno: 22)
        }
        return (spec, bytes)
    }
}
