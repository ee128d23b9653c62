import Foundation
import StrataSystem

/// Which registries short names may mean and which registries are insecure, read from a
/// registries.conf in the (v2 TOML) format Podman reads:
///
///     unqualified-search-registries = ["docker.io"]
///     [[registry]]
///     location = "localhost:5000"
///     insecure = true
///
/// Only these keys are read; other tables (aliases, mirrors) are ignored. Without a file the
/// search list is docker.io alone, Docker's habit. A short name resolves only when the list has
/// exactly one registry: with several it is an error asking for a qualified name, as Podman's
/// enforcing short-name mode does without a terminal (no silent guessing between registries).
public struct RegistriesConfig: Sendable, Equatable {
    public var searchRegistries: [String]
    public var insecure: Set<String>
    public var blocked: Set<String>
    public var source: String?

    public init(searchRegistries: [String] = ["docker.io"], insecure: Set<String> = [], blocked: Set<String> = [], source: String? = nil) {
        self.searchRegistries = searchRegistries; self.insecure = insecure; self.blocked = blocked; self.source = source
    }

    /// $STRATA_REGISTRIES_CONF, else /etc/strata/registries.conf, else the built-in default.
    public static func load(path: String? = nil) throws(StrataError) -> RegistriesConfig {
        let env = ProcessInfo.processInfo.environment
        let candidates = [path, env["STRATA_REGISTRIES_CONF"], "/etc/strata/registries.conf"].compactMap { $0 }
        for p in candidates where !p.isEmpty {
            if Files.exists(p) { return try parse(try Files.readText(p), source: p) }
            if p == path || p == env["STRATA_REGISTRIES_CONF"] {
                throw StrataError("read registries config", p, errno: ENOENT)
            }
        }
        return RegistriesConfig()
    }

    public static func parse(_ text: String, source: String) throws(StrataError) -> RegistriesConfig {
        var config = RegistriesConfig(searchRegistries: [], source: source)
        var table = ""
        var location: String?
        var flags: (insecure: Bool, blocked: Bool) = (false, false)
        func flush() {
            if table == "[[registry]]", let loc = location {
                if flags.insecure { config.insecure.insert(loc) }
                if flags.blocked { config.blocked.insert(loc) }
            }
            location = nil; flags = (false, false)
        }
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init)?
                .trimmingCharacters(in: .whitespaces) ?? ""
            if line.isEmpty { continue }
            if line.hasPrefix("[") { flush(); table = line; continue }
            guard let eq = line.firstIndex(of: "=") else {
                throw StrataError("parse registries config", "\(source):\(n + 1)", reason: "expected key = value")
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            switch (table, key) {
            case ("", "unqualified-search-registries"):
                guard value.hasPrefix("["), value.hasSuffix("]") else {
                    throw StrataError("parse registries config", "\(source):\(n + 1)", reason: "\(key) must be a one-line list of strings")
                }
                config.searchRegistries = value.dropFirst().dropLast().split(separator: ",")
                    .map { unquote($0.trimmingCharacters(in: .whitespaces)) }.filter { !$0.isEmpty }
            case ("[[registry]]", "location"): location = unquote(value)
            case ("[[registry]]", "insecure"): flags.insecure = value == "true"
            case ("[[registry]]", "blocked"): flags.blocked = value == "true"
            default: continue
            }
        }
        flush()
        return config
    }

    private static func unquote(_ s: String) -> String {
        var t = Substring(s)
        if t.hasPrefix("\"") || t.hasPrefix("'") { t = t.dropFirst() }
        if t.hasSuffix("\"") || t.hasSuffix("'") { t = t.dropLast() }
        return String(t)
    }

    /// Gives a short name its registry, or explains why it cannot.
    public func resolve(_ ref: Reference) throws(StrataError) -> Reference {
        var r = ref
        if r.domain == nil {
            switch searchRegistries.count {
            case 1:
                r.domain = searchRegistries[0] == "index.docker.io" ? "docker.io" : searchRegistries[0]
                if r.domain == "docker.io" && !r.path.contains("/") { r.path = "library/" + r.path }
            case 0:
                throw StrataError("resolve short name", ref.description,
                                  reason: "no unqualified-search-registries configured\(source.map { " in " + $0 } ?? ""): use a fully qualified reference")
            default:
                throw StrataError("resolve short name", ref.description,
                                  reason: "ambiguous: it could come from \(searchRegistries.joined(separator: ", ")); use a fully qualified reference (registry/repository)")
            }
        }
        if let d = r.domain, blocked.contains(d) || blocked.contains(r.repository) {
            throw StrataError("pull", r.description, reason: "registry \(d) is blocked\(source.map { " in " + $0 } ?? "")")
        }
        return r.normalized
    }

    /// Whether `domain` may be reached over plain HTTP or an unverified certificate.
    public func isInsecure(_ domain: String) -> Bool { insecure.contains(domain) }
}
