import StrataSystem
import StrataSpec

/// Reads and validates a bundle's config.json, turning spec errors into `StrataError`s
/// that name the file and the JSON path.
public enum SpecLoader {
    public static func load(bundle: String) throws(StrataError) -> Spec {
        let spec: Spec
        do { spec = try Spec.load(bundle: bundle) } catch {
            throw StrataError.message(error.description, errno: error.kind == .io ? ENOENT_CODE : 0)
        }
        return spec
    }
}

private let ENOENT_CODE: Int32 = 2
