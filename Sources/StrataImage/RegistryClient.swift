import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import StrataSystem

/// One registry's HTTP API (OCI distribution spec) for one `strata` command: the scheme
/// decision, the auth dance and its tokens, retries. Requests go through async-http-client.
///
/// Auth: a request is first sent as it is (anonymous, or with the token already earned for its
/// scope); a 401 names a scheme in WWW-Authenticate. Basic gets the stored credentials; Bearer
/// asks the realm for a token for `service` and the repository's `pull` scope (with the
/// credentials, when there are some), then the request is sent once more.
public actor RegistryClient {
    public let domain: String
    let host: String
    let insecure: Bool
    let credentials: Credentials?
    private let http: HTTPClient
    private var scheme: String?
    /// Authorization header per scope key (the repository, or "" for /v2/).
    private var authorizations: [String: String] = [:]

    /// `insecure`: plain HTTP or an unverified certificate allowed (registries.conf or --tls-verify=false).
    public init(domain: String, insecure: Bool, credentials: Credentials?) {
        self.domain = domain
        self.host = domain == "docker.io" ? "registry-1.docker.io" : domain
        self.insecure = insecure
        self.credentials = credentials
        var config: HTTPClient.Configuration
        if insecure {
            config = HTTPClient.Configuration(certificateVerification: .none)
        } else {
            config = HTTPClient.Configuration()
        }
        config.timeout = .init(connect: .seconds(15), read: .seconds(60))
        config.redirectConfiguration = .follow(max: 5, allowCycles: false)
        config.decompression = .disabled
        http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: config)
    }

    /// Closes the connections; call once when done.
    public func close() async {
        try? await http.shutdown()
    }

    /// A response with its body still to be read.
    struct Response: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: HTTPClientResponse.Body
    }

    /// GET (or HEAD) `/v2/<path>` for `repository` ("" for the base endpoint) with retries
    /// (5xx, 429, resets: 4 tries, backoff from 0.25 s doubling) and one auth round.
    /// Any status but 2xx becomes an error naming the URL and the registry's own error code.
    func send(_ path: String, repository: String, accept: String? = nil, method: HTTPMethod = .GET,
              timeout: TimeAmount = .seconds(120)) async throws -> Response {
        var attempt = 0
        var authTried = false
        while true {
            attempt += 1
            let url = try await baseURL() + "/v2/" + path
            var request = HTTPClientRequest(url: url)
            request.method = method
            if let accept { request.headers.add(name: "Accept", value: accept) }
            if let auth = authorizations[repository] { request.headers.add(name: "Authorization", value: auth) }
            request.headers.add(name: "User-Agent", value: "strata")
            let response: HTTPClientResponse
            do {
                response = try await http.execute(request, timeout: timeout)
            } catch {
                if attempt < 4 && RegistryClient.isTransient(error) {
                    try await backoff(attempt)
                    continue
                }
                throw StrataError("connect to registry", "\(host) (\(url))", reason: RegistryClient.describe(error))
            }
            let status = Int(response.status.code)
            switch status {
            case 200..<300:
                return Response(status: status, headers: response.headers, body: response.body)
            case 401 where !authTried:
                authTried = true
                let challenge = response.headers.first(name: "WWW-Authenticate")
                _ = try? await response.body.collect(upTo: 1 << 20)
                authorizations[repository] = try await authorize(challenge: challenge, repository: repository, url: url)
                continue
            case 429 where attempt < 4, 500..<600 where attempt < 4:
                _ = try? await response.body.collect(upTo: 1 << 20)
                try await backoff(attempt, retryAfter: response.headers.first(name: "Retry-After"))
                continue
            default:
                let body = (try? await response.body.collect(upTo: 1 << 20)).map { String(buffer: $0) } ?? ""
                throw StrataError("\(method.rawValue) \(url)", "",
                                  reason: RegistryClient.statusReason(status, body: body, authenticated: authTried))
            }
        }
    }

    /// Checks that the registry answers and accepts the credentials at its base endpoint
    /// (`strata login`); an open registry answers without asking for them, as with Podman.
    public func verifyLogin() async throws {
        let r = try await send("", repository: "")
        _ = try? await r.body.collect(upTo: 1 << 20)
    }

    private func baseURL() async throws -> String {
        if let scheme { return "\(scheme)://\(host)" }
        if !insecure { scheme = "https"; return "https://\(host)" }
        // Insecure registries: HTTPS (with any certificate) unless the port answers plain
        // HTTP, as Podman falls back. Asked with one raw request rather than a failed TLS
        // handshake, which the HTTP client's pool would retry until its timeout.
        switch PlainHTTPProbe.check(host) {
        case .plain: scheme = "http"
        case .refused(let why): throw StrataError("connect to registry", host, reason: why)
        case .other: scheme = "https"
        }
        return "\(scheme ?? "https")://\(host)"
    }

    private func backoff(_ attempt: Int, retryAfter: String? = nil) async throws {
        var seconds = 0.25 * pow(2.0, Double(attempt - 1))
        if let r = retryAfter, let s = Double(r) { seconds = min(max(s, seconds), 10) }
        try await Task.sleep(nanoseconds: UInt64(seconds * 1e9))
    }

    /// The Authorization header a 401's challenge asks for.
    private func authorize(challenge: String?, repository: String, url: String) async throws -> String {
        let who = repository.isEmpty ? domain : "\(domain)/\(repository)"
        guard let challenge, let parsed = AuthChallenge.parse(challenge) else {
            throw StrataError("authenticate", who, reason: "401 Unauthorized without a usable WWW-Authenticate header")
        }
        switch parsed.scheme {
        case "basic":
            guard let c = credentials else {
                throw StrataError("authenticate", who, reason: "401 Unauthorized: the registry wants a user name and password (strata login \(domain))")
            }
            return "Basic " + Data("\(c.username):\(c.password)".utf8).base64EncodedString()
        case "bearer":
            guard let realm = parsed.params["realm"], var components = URLComponents(string: realm) else {
                throw StrataError("authenticate", who, reason: "bearer challenge without a realm: \(challenge)")
            }
            var items = components.queryItems ?? []
            if let service = parsed.params["service"] { items.append(URLQueryItem(name: "service", value: service)) }
            if !repository.isEmpty {
                items.append(URLQueryItem(name: "scope", value: "repository:\(repository):pull"))
            } else if let scope = parsed.params["scope"] {
                items.append(URLQueryItem(name: "scope", value: scope))
            }
            components.queryItems = items.isEmpty ? nil : items
            guard let tokenURL = components.string else {
                throw StrataError("authenticate", who, reason: "bad realm \(realm)")
            }
            var request = HTTPClientRequest(url: tokenURL)
            if let c = credentials {
                request.headers.add(name: "Authorization", value: "Basic " + Data("\(c.username):\(c.password)".utf8).base64EncodedString())
            }
            let response: HTTPClientResponse
            do {
                response = try await http.execute(request, timeout: .seconds(30))
            } catch {
                throw StrataError("get token", tokenURL, reason: RegistryClient.describe(error))
            }
            let body = try await response.body.collect(upTo: 1 << 20)
            guard response.status.code == 200 else {
                let reason = response.status.code == 401 || response.status.code == 403
                    ? "\(response.status.code): \(credentials == nil ? "credentials required" : "invalid user name or password")"
                    : "status \(response.status.code)"
                throw StrataError("get token", "\(realm) for \(who)", reason: reason)
            }
            struct Token: Decodable { var token: String?; var access_token: String? }
            guard let t = try? JSONDecoder().decode(Token.self, from: Data(body.readableBytesView)),
                  let token = t.token ?? t.access_token, !token.isEmpty else {
                throw StrataError("get token", realm, reason: "the answer has no token")
            }
            return "Bearer " + token
        default:
            throw StrataError("authenticate", who, reason: "unsupported auth scheme \(parsed.scheme)")
        }
    }

    static func statusReason(_ status: Int, body: String, authenticated: Bool) -> String {
        struct Errors: Decodable { struct E: Decodable { var code: String?; var message: String? }; var errors: [E]? }
        let detail = (try? JSONDecoder().decode(Errors.self, from: Data(body.utf8)))?.errors?.first
            .map { [$0.code, $0.message].compactMap { $0 }.joined(separator: ": ") }
        let name: String
        switch status {
        case 401: name = authenticated ? "401 Unauthorized: credentials refused" : "401 Unauthorized"
        case 403: name = "403 Forbidden"
        case 404: name = "404 Not Found"
        case 429: name = "429 Too Many Requests (gave up after retries)"
        default: name = "status \(status)"
        }
        return detail.map { "\(name) (\($0))" } ?? name
    }

    static func describe(_ error: Error) -> String {
        if let e = error as? StrataError { return e.description }
        let text = String(describing: error)
        if text.contains("connectionRefused") || text.contains("Connection refused") { return "connection refused" }
        if text.contains("connectTimeout") { return "connection timed out" }
        if text.contains("remoteConnectionClosed") { return "connection closed by the registry" }
        return text
    }

    static func isRefused(_ error: Error) -> Bool {
        let t = String(describing: error)
        return t.contains("connectionRefused") || t.contains("Connection refused") || t.contains("connectTimeout")
            || t.contains("NXDOMAIN") || t.contains("lookup")
    }

    static func isTransient(_ error: Error) -> Bool {
        if error is CancellationError { return false }
        let t = String(describing: error)
        return !isRefused(error) && (t.contains("remoteConnectionClosed") || t.contains("Connection reset")
            || t.contains("readTimeout") || t.contains("ioOnClosedChannel") || t.contains("uncleanShutdown"))
    }
}

/// A parsed WWW-Authenticate challenge: `Bearer realm="…",service="…",scope="…"`.
struct AuthChallenge: Equatable {
    var scheme: String
    var params: [String: String]

    static func parse(_ header: String) -> AuthChallenge? {
        let trimmed = header.trimmingCharacters(in: .whitespaces)
        guard let space = trimmed.firstIndex(of: " ") else {
            return trimmed.isEmpty ? nil : AuthChallenge(scheme: trimmed.lowercased(), params: [:])
        }
        let scheme = trimmed[..<space].lowercased()
        var params: [String: String] = [:]
        var rest = trimmed[trimmed.index(after: space)...]
        while !rest.isEmpty {
            rest = rest.drop { $0 == " " || $0 == "," }
            guard let eq = rest.firstIndex(of: "=") else { break }
            let key = rest[..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            rest = rest[rest.index(after: eq)...]
            var value = ""
            if rest.first == "\"" {
                rest = rest.dropFirst()
                var escaped = false
                while let c = rest.first {
                    rest = rest.dropFirst()
                    if escaped { value.append(c); escaped = false; continue }
                    if c == "\\" { escaped = true; continue }
                    if c == "\"" { break }
                    value.append(c)
                }
            } else {
                let end = rest.firstIndex(of: ",") ?? rest.endIndex
                value = rest[..<end].trimmingCharacters(in: .whitespaces)
                rest = rest[end...]
            }
            params[key] = value
        }
        return AuthChallenge(scheme: scheme, params: params)
    }
}
