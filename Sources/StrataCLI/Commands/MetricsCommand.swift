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
            let stopping = StopSignals.install { Task { await server.stop() } }
            async let served: Void = server.run()
            let port = try await server.boundPort()
            StatsOutput.warn("strata metrics: serving http://\(address.display(port: port))/metrics")
            do {
                try await served
            } catch {
                if !stopping.received { throw error }
            }
            if stopping.received { StatsOutput.warn("strata metrics: stopped") }
        }
    }
}

/// SIGINT and SIGTERM, delivered on a dispatch queue instead of killing the process, so
/// the server closes its socket and the command exits 0.
final class StopSignals: Sendable {
    private let sources: [any DispatchSourceSignal]
    private let flag = DispatchQueue(label: "strata.stop")
    nonisolated(unsafe) private var seen = false

    private init(sources: [any DispatchSourceSignal]) { self.sources = sources }

    var received: Bool { flag.sync { seen } }

    static func install(_ onStop: @escaping @Sendable () -> Void) -> StopSignals {
        var sources: [any DispatchSourceSignal] = []
        let queue = DispatchQueue(label: "strata.signals")
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            sources.append(DispatchSource.makeSignalSource(signal: signalNumber, queue: queue))
        }
        let stop = StopSignals(sources: sources)
        for source in sources {
            source.setEventHandler {
                stop.flag.sync { stop.seen = true }
                onStop()
            }
            source.resume()
        }
        return stop
    }
}
