import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Which runtime binary lists containers: the one given, else `strun` next to the running
/// `strata` (a release build puts both in one directory), else `strun` in PATH.
public enum RuntimeBinary {
    public static func resolve(_ given: String?) throws(StrataError) -> String {
        if let given {
            if given.contains("/") {
                guard access(given, X_OK) == 0 else { throw StrataError.system("use runtime", given) }
                return given
            }
            guard let found = searchPath(given) else {
                throw StrataError("use runtime", given, reason: "not found in PATH")
            }
            return found
        }
        if let own = ownDirectory(), access(own + "/strun", X_OK) == 0 { return own + "/strun" }
        if let found = searchPath("strun") { return found }
        throw StrataError("find runtime", "strun", reason: "not next to strata nor in PATH; pass --runtime")
    }

    static func ownDirectory() -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return Paths.dirname(String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    static func searchPath(_ name: String) -> String? {
        guard let path = getenv("PATH") else { return nil }
        for dir in String(cString: path).split(separator: ":") where !dir.isEmpty {
            let candidate = dir + "/" + name
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }
}
