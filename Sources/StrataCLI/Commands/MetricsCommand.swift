import ArgumentParser

/// `strata metrics`.
struct MetricsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "metrics", abstract: "Prometheus exporter of container metrics.")
}
