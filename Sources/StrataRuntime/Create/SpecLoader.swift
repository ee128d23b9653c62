import StrataSystem
import StrataSpec

/// Reads and validates a bundle's config.json, turning spec errors into `StrataError`s
/// that name the file and the JSON path.
public enum SpecLoader {
    /// Decodes `<bundle>/config.json` and validates it; every problem is reported at once.
    public static func load(bundle: String) throws(StrataError) -> Spec {
        let spec: Spec
        do { spec = try Spec.load(bundle: bundle) } catch {
            throw StrataError.message(error.description, errno: error.kind == .io ? 2 : 0)
        }
        let problems = SpecValidator().problems(in: spec)
        if !problems.isEmpty {
            let list = problems.map(\.description).joined(separator: "; ")
            throw StrataError.message("invalid config \(bundle)/config.json: \(list)", errno: 22)
        }
        return spec
    }
}
