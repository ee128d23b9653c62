import Foundation
import StrataSystem

/// A user name and password for one registry.
public struct Credentials: Sendable, Equatable {
    public var username: String
    public var password: String
    public init(username: String, password: String) { self.username = username; self.password = password }
}

/// Credentials in the auth.json format Podman and Docker share:
/// `{"auths": {"registry:5000": {"auth": base64("user:password")}}}`.
///
/// Read from $REGISTRY_AUTH_FILE, $XDG_RUNTIME_DIR/containers/auth.json,
/// ~/.config/containers/auth.json and ~/.docker/config.json, the first holding the registry
/// wins, as Podman looks them up. `strata login` writes the first of these paths (or --authfile).
public struct AuthFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// Where `strata login` writes: --authfile, $REGISTRY_AUTH_FILE, else Podman's runtime path.
    public static func defaultPath() -> String {
        let env = ProcessInfo.processInfo.environment
        if let p = env["REGISTRY_AUTH_FILE"], !p.isEmpty { return p }
        if let r = env["XDG_RUNTIME_DIR"], !r.isEmpty { return r + "/containers/auth.json" }
        return "/run/containers/\(geteuid())/auth.json"
    }

    /// The files read, most specific first.
    public static func searchPaths(explicit: String? = nil) -> [String] {
        if let explicit { return [explicit] }
        let env = ProcessInfo.processInfo.environment
        var paths = [defaultPath()]
        if let home = env["HOME"] {
            paths += [(env["XDG_CONFIG_HOME"] ?? home + "/.config") + "/containers/auth.json", home + "/.docker/config.json"]
        }
        return paths
    }

    /// The credentials for a registry (and repository: keys may name `host/namespace`), or nil.
    public static func lookup(domain: String, repository: String, explicit: String? = nil) throws(StrataError) -> Credentials? {
        for path in searchPaths(explicit: explicit) where Files.exists(path) {
            let auths = try AuthFile(path: path).entries()
            // Longest key first: host/ns/repo, host/ns, host; Docker Hub's legacy key too.
            var keys: [String] = []
            var parts = repository.split(separator: "/").map(String.init)
            while !parts.isEmpty { keys.append(parts.joined(separator: "/")); parts.removeLast() }
            keys.append(domain)
            if domain == "docker.io" { keys += ["https://index.docker.io/v1/", "index.docker.io", "registry-1.docker.io"] }
            for key in keys {
                for (k, v) in auths where normalizeKey(k) == key {
                    return try decode(v, key: k, path: path)
                }
            }
        }
        return nil
    }

    /// A registry key without scheme and /v1/ or /v2/ suffix, as auth.json keys are compared.
    public static func normalizeKey(_ k: String) -> String {
        var s = Substring(k)
        for p in ["https://", "http://"] where s.hasPrefix(p) { s = s.dropFirst(p.count) }
        if s.hasSuffix("/v1/") || s.hasSuffix("/v2/") { s = s.dropLast(4) }
        return String(s)
    }

    private static func decode(_ entry: [String: Any], key: String, path: String) throws(StrataError) -> Credentials {
        guard let auth = entry["auth"] as? String, let data = Data(base64Encoded: auth),
              let text = String(data: data, encoding: .utf8), let colon = text.firstIndex(of: ":") else {
            throw StrataError("read credentials", "\(path) (\(key))", reason: "\"auth\" is not base64 of user:password")
        }
        return Credentials(username: String(text[..<colon]), password: String(text[text.index(after: colon)...]))
    }

    private func document() throws(StrataError) -> [String: Any] {
        guard Files.exists(path) else { return [:] }
        let bytes = try Files.read(path)
        guard let obj = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] else {
            throw StrataError("parse", path, reason: "not a JSON object")
        }
        return obj
    }

    func entries() throws(StrataError) -> [String: [String: Any]] {
        (try document()["auths"] as? [String: [String: Any]]) ?? [:]
    }

    /// Stores (or with nil, removes) the credentials of `key`, keeping every other field; the file
    /// is replaced atomically with mode 0600. Returns false when removing a key that was not there.
    @discardableResult
    public func set(_ key: String, _ credentials: Credentials?) throws(StrataError) -> Bool {
        var doc = try document()
        var auths = (doc["auths"] as? [String: Any]) ?? [:]
        let existed = auths.keys.contains { AuthFile.normalizeKey($0) == key }
        auths = auths.filter { AuthFile.normalizeKey($0.key) != key }
        if let c = credentials {
            auths[key] = ["auth": Data("\(c.username):\(c.password)".utf8).base64EncodedString()]
        }
        doc["auths"] = auths
        guard let bytes = try? JSONSerialization.data(withJSONObject: doc, options: [.prettyPrinted, .sortedKeys]) else {
            throw StrataError("encode", path, reason: "auth document is not JSON")
        }
        try Files.makeDirectories(Paths.dirname(path), mode: 0o700)
        try Files.writeAtomically(path, Array(bytes), mode: 0o600)
        return existed || credentials != nil
    }
}
