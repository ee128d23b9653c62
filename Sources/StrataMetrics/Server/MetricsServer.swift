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
    let stopped = OnceFlag()

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

    /// Serves until `stop()`. `announce` gets the bound port once the socket listens (it
    /// differs from the requested one for port 0). A bind failure is an error naming the
    /// address; whatever ends the server after `stop()` is not.
    public func serve(announce: @escaping @Sendable (UInt16) -> Void) async throws {
        let scraper = scraper, log = log
        await server.appendRoute("GET /metrics") { _ in
            let (body, errors) = await scraper.scrape()
            for error in errors { log("scrape: \(error)") }
            return HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; version=0.0.4; charset=utf-8"],
                                body: Data(body))
        }
        await server.appendRoute("GET /") { _ in
            HTTPResponse(statusCode: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                         body: Data("strata metrics exporter: see /metrics\n".utf8))
        }
        let server = server, address = address, stopped = stopped
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await server.run() }
                group.addTask {
                    try await server.waitUntilListening(timeout: 30)
                    switch await server.listeningAddress {
                    case .ip4(_, let port)?, .ip6(_, let port)?: announce(port)
                    default: announce(address.port)
                    }
                }
                while try await group.next() != nil {}
            }
        } catch {
            if stopped.isSet { return }
            throw StrataError("listen", address.display(port: address.port), reason: "\(error)")
        }
    }

    /// Closes the listening socket; `serve` then returns.
    public func stop() async {
        stopped.set()
        await server.stop(timeout: 1)
    }
}

/// A flag set once, read from any thread.
final class OnceFlag: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var value = false

    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
