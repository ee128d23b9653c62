import NIOCore
import NIOHTTP1
import NIOPosix
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// `strata metrics serve`: GET /metrics answers with a fresh scrape. The HTTP side is
/// SwiftNIO's HTTP/1 server pipeline (FlyingFox was tried first: it imports
/// FoundationNetworking, whose libcurl references keep a static `strata` from linking).
/// Scrapes read files and run the runtime's `list`, so they run as Swift tasks, off the
/// event loop.
public final class MetricsServer: Sendable {
    public let address: ListenAddress
    let group: MultiThreadedEventLoopGroup
    let channel: any NIOCore.Channel

    /// Binds the address now, so that a taken port or a bad address fails the command
    /// before it reports that it serves.
    public init(address: ListenAddress, scraper: Scraper,
                log: @escaping @Sendable (String) -> Void) throws(StrataError) {
        self.address = address
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 64)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(
                        MetricsHTTPHandler(scraper: scraper, log: log))
                }
            }
        do {
            // A numeric address (ListenAddress accepts no names), so no resolver runs.
            channel = try bootstrap.bind(to: try SocketAddress(ipAddress: address.host, port: Int(address.port))).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw Self.bindFailure(error, address: address.display(port: address.port))
        }
        self.group = group
    }

    /// A failed bind in words, with NIO's wrapper text left out: a taken port is the one
    /// users meet ("127.0.0.1:9101 is already in use"); other errno values keep their name.
    static func bindFailure(_ error: any Error, address: String) -> StrataError {
        guard let io = error as? IOError else { return StrataError("listen", address, reason: "\(error)") }
        if io.errnoCode == EADDRINUSE { return .message("\(address) is already in use", errno: 0) }
        return StrataError("listen", address, errno: io.errnoCode)
    }

    /// Serves until `stop()`. `announce` gets the bound port (it differs from the requested
    /// one for port 0); the socket is already listening then.
    public func serve(announce: @escaping @Sendable (UInt16) -> Void) async throws {
        announce(UInt16(channel.localAddress?.port ?? Int(address.port)))
        try await channel.closeFuture.get()
        try? await group.shutdownGracefully()
    }

    /// Closes the listening socket; `serve` then returns.
    public func stop() async {
        try? await channel.close()
    }
}

/// One HTTP/1.1 connection: GET (or HEAD) /metrics scrapes, / says where to look, anything
/// else is 404 or 405. Keep-alive as the client asks, as Prometheus reuses connections.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let exposition = "text/plain; version=0.0.4; charset=utf-8"

    let scraper: Scraper
    let log: @Sendable (String) -> Void
    private var head: HTTPRequestHead?

    init(scraper: Scraper, log: @escaping @Sendable (String) -> Void) {
        self.scraper = scraper
        self.log = log
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            head = request
        case .body:
            break
        case .end:
            guard let request = head else { return }
            head = nil
            route(request, context: context)
        }
    }

    private func route(_ request: HTTPRequestHead, context: ChannelHandlerContext) {
        guard request.method == .GET || request.method == .HEAD else {
            return respond(request, .methodNotAllowed, Array("only GET and HEAD\n".utf8), context: context)
        }
        let path = request.uri.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.uri
        switch path {
        case "/metrics":
            let scraper = scraper, log = log
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            let scraped = context.eventLoop.makePromise(of: (body: [UInt8], errors: [StrataError]).self)
            scraped.completeWithTask { await scraper.scrape() }
            scraped.futureResult.whenComplete { result in
                let (handler, context) = bound.value
                switch result {
                case .success(let (body, errors)):
                    for error in errors { log("scrape: \(error)") }
                    handler.respond(request, .ok, body, contentType: Self.exposition, context: context)
                case .failure(let error):
                    handler.respond(request, .internalServerError, Array("scrape failed: \(error)\n".utf8), context: context)
                }
            }
        case "/":
            respond(request, .ok, Array("strata metrics exporter: see /metrics\n".utf8), context: context)
        default:
            respond(request, .notFound, Array("not found: \(path) (try /metrics)\n".utf8), context: context)
        }
    }

    private func respond(_ request: HTTPRequestHead, _ status: HTTPResponseStatus, _ body: [UInt8],
                         contentType: String = "text/plain; charset=utf-8", context: ChannelHandlerContext) {
        let keepAlive = request.isKeepAlive
        var headers = HTTPHeaders([("Content-Type", contentType), ("Content-Length", "\(body.count)")])
        if !keepAlive { headers.add(name: "Connection", value: "close") }
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: request.version, status: status, headers: headers))),
                      promise: nil)
        if request.method != .HEAD {
            var buffer = context.channel.allocator.buffer(capacity: body.count)
            buffer.writeBytes(body)
            context.write(wrapOutboundOut(.body(.byteBuffer(buffer))), promise: nil)
        }
        let written = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        if !keepAlive {
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.whenComplete { _ in bound.value.close(promise: nil) }
        }
    }
}
