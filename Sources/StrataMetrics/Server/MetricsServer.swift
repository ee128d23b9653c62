import FlyingFox
import FlyingSocks
import Foundation
import StrataSystem

/// `strata metrics serve`: GET /metrics answers with a fresh scrape. FlyingFox runs on
/// Swift concurrency without NIO; this is `strata`, outside the runtime path.
public final class MetricsServer: Sendable {
    let server: HTTPServer
    public let address: ListenAddress
    let scraper: Scraper
    let log: @Sendable (String) -> Void

    public init(address: ListenAddress, scraper: Scraper, log: @escaping @Sendable (String) -> Void) throws(StrataError) {
        self.address = address
        do {
            if address.isIPv6 {
                server = HTTPServer(address: try sockaddr_in6.inet6(ip6: address.host, port: address.port), logger: .disabled)
            } else {
                server = HTTPServer(address: try sockaddr_in.inet(ip4: address.host, port: address.port), logger: .disabled)
            }
        } catch {
            throw StrataError("listen", address.display(port: address.port), reason: "\(error)")
        }
        self.scraper = scraper
        self.log = log
    }

    /// Serves until `stop()`; throws when the address cannot be bound.
    public func run() async throws {
        let scraper = scraper, log = log
        await server.appendRoute("GET /metrics") { _ in
            let (body, errors) = scraper.scrape()
            for error in errors { log("scrape: \(error)") }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                                body: Data(body))
        }
        await server.appendRoute("GET /") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                         body: Data("strata metrics exporter: see /metrics\n".utf8))
        }
        try await server.run()
    }

    /// The port actually bound (differs from the requested one for port 0), once listening.
    public func boundPort() async throws -> UInt16 {
        try await server.waitUntilListening(timeout: 10)
        switch await server.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: return address.port
        }
    }

    public func stop() async {
        await server.stop(timeout: 1)
    }
}
