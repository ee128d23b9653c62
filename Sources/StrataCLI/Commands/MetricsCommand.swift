import ArgumentParser
import Dispatch
import StrataMetrics
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// `strata metrics`.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics", abstract: "Prometheus exporter of container metrics.",
        subcommands: [Serve.self])

    /// `strata metrics serve --listen HOST:PORT`.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "serve", abstract: "Serve per-container metrics in the Prometheus text format on /metrics.",
            discussion: """
                Metric names and labels are cAdvisor's (container_cpu_usage_seconds_total, \
                container_memory_working_set_bytes, ...), labelled id (cgroup path) and name (container id). \
                Each scrape lists the containers afresh. SIGINT or SIGTERM stops the server.
                """)

        @OptionGroup var discovery: DiscoveryOptions

        @Option(help: ArgumentHelp("Address to listen on; port 0 picks a free one (printed on stderr).",
                                   valueName: "host:port"))
        var listen = "127.0.0.1:9101"

        func run() async throws {
            let address = try ListenAddress(parsing: listen)
            let scraper = Scraper(lister: try discovery.lister(), sampler: try Sampler())
            let server = try MetricsServer(address: address, scraper: scraper) { StatsOutput.warn("strata metrics: \($0)") }
            // A client that hangs up mid-response must not kill the exporter.
            signal(SIGPIPE, SIG_IGN)
            let signals = StopSignals.install { Task { await server.stop() } }
            defer { signals.cancel() }
            try await server.serve { port in
                StatsOutput.warn("strata metrics: serving http://\(address.display(port: port))/metrics")
            }
            StatsOutput.warn("strata metrics: stopped")
        }
    }
}

/// SIGINT and SIGTERM, delivered on a dispatch queue instead of killing the process, so
/// the server closes its socket and the command exits 0.
final class StopSignals {
    private let sources: [any DispatchSourceSignal]

    private init(sources: [any DispatchSourceSignal]) { self.sources = sources }

    static func install(_ onStop: @escaping @Sendable () -> Void) -> StopSignals {
        let queue = DispatchQueue(label: "strata.signals")
        let sources = [SIGINT, SIGTERM].map { number -> any DispatchSourceSignal in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: onStop)
            source.resume()
            return source
        }
        return StopSignals(sources: sources)
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
