import StrataSystem

/// An image reference as users type it (`busybox`, `library/busybox:1.36`,
/// `registry:5000/team/app@sha256:…`), split the way Docker's reference grammar does.
///
/// `domain` is nil for a short name: which registry it means is decided by
/// `RegistriesConfig.resolve`, never guessed here.
public struct Reference: Sendable, Hashable, CustomStringConvertible {
    /// The registry host[:port], or nil when the user gave a short name.
    public var domain: String?
    /// The repository path inside the registry (`library/busybox`, `team/app`).
    public var path: String
    public var tag: String?
    public var digest: Digest?

    /// Parses `text` without choosing a registry for a short name.
    public static func parse(_ text: String) throws(StrataError) -> Reference {
        func bad(_ why: String) -> StrataError {
            StrataError("parse reference", text, reason: why)
        }
        guard !text.isEmpty else { throw bad("empty reference") }
        guard text.utf8.count <= 255 + 128 else { throw bad("reference too long") }
        var rest = Substring(text)
        var digest: Digest?
        if let at = rest.firstIndex(of: "@") {
            digest = try Digest.parse(String(rest[rest.index(after: at)...]), what: text)
            rest = rest[..<at]
        }
        var tag: String?
        let lastSlash = rest.lastIndex(of: "/")
        let tail = lastSlash.map { rest[rest.index(after: $0)...] } ?? rest
        if let colon = tail.lastIndex(of: ":") {
            let t = String(tail[tail.index(after: colon)...])
            guard Reference.isValidTag(t) else { throw bad("invalid tag \"\(t)\"") }
            tag = t
            rest = rest[..<colon]
        }
        var components = rest.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var domain: String?
        if components.count > 1, let first = components.first,
           first.contains(".") || first.contains(":") || first == "localhost" || first.contains(where: \.isUppercase) {
            domain = first
            components.removeFirst()
        }
        guard !components.isEmpty, components.allSatisfy(Reference.isValidComponent) else {
            throw bad("invalid repository name \"\(components.joined(separator: "/"))\" (lower-case letters, digits and . _ - separators)")
        }
        if let d = domain {
            guard Reference.isValidDomain(d) else { throw bad("invalid registry \"\(d)\"") }
            if d == "index.docker.io" { domain = "docker.io" }
        }
        var path = components.joined(separator: "/")
        if domain == "docker.io" && components.count == 1 { path = "library/" + path }
        return Reference(domain: domain, path: path, tag: tag, digest: digest)
    }

    /// `domain/path[:tag][@digest]`, with `latest` when neither tag nor digest was given.
    public var description: String {
        var s = (domain.map { $0 + "/" } ?? "") + path
        if let tag { s += ":" + tag }
        if let digest { s += "@" + digest.description }
        return s
    }

    /// The form stored as an image name: `latest` filled in when the user gave neither tag nor digest.
    public var normalized: Reference {
        var r = self
        if r.tag == nil && r.digest == nil { r.tag = "latest" }
        return r
    }

    /// `domain/path`, the repository without tag or digest.
    public var repository: String { (domain.map { $0 + "/" } ?? "") + path }

    /// What a manifest request asks for: the digest when pinned, else the tag.
    public var manifestReference: String { digest?.description ?? tag ?? "latest" }

    /// The host actually contacted: Docker Hub's API lives on registry-1.docker.io.
    public var registryHost: String {
        guard let domain else { return "" }
        return domain == "docker.io" ? "registry-1.docker.io" : domain
    }

    static func isValidTag(_ t: String) -> Bool {
        guard let first = t.utf8.first, t.utf8.count <= 128 else { return false }
        func word(_ c: UInt8) -> Bool {
            (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c == 0x5f
        }
        return word(first) && t.utf8.allSatisfy { word($0) || $0 == 0x2e || $0 == 0x2d }
    }

    /// A path component: [a-z0-9]+ joined by `.`, `_`, `__` or `-`+ separators.
    static func isValidComponent(_ c: String) -> Bool {
        guard !c.isEmpty else { return false }
        let bytes = Array(c.utf8)
        func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x61 && b <= 0x7a) }
        guard alnum(bytes[0]), alnum(bytes[bytes.count - 1]) else { return false }
        var i = 0
        while i < bytes.count {
            if alnum(bytes[i]) { i += 1; continue }
            var j = i
            while j < bytes.count && !alnum(bytes[j]) { j += 1 }
            let sep = String(decoding: bytes[i..<j], as: UTF8.self)
            guard sep == "." || sep == "_" || sep == "__" || sep.allSatisfy({ $0 == "-" }) else { return false }
            i = j
        }
        return true
    }

    static func isValidDomain(_ d: String) -> Bool {
        var host = Substring(d)
        if host.hasPrefix("[") {  // IPv6 literal
            guard let close = host.firstIndex(of: "]") else { return false }
            let after = host[host.index(after: close)...]
            return after.isEmpty || (after.hasPrefix(":") && after.dropFirst().allSatisfy(\.isNumber) && after.count > 1)
        }
        if let colon = host.firstIndex(of: ":") {
            let port = host[host.index(after: colon)...]
            guard !port.isEmpty, port.allSatisfy(\.isNumber) else { return false }
            host = host[..<colon]
        }
        return !host.isEmpty && host.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" }
            && !host.hasPrefix("-") && !host.hasPrefix(".")
    }
}
