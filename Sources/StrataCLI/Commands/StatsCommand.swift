import ArgumentParser

/// `strata stats`.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Live resource usage of containers.")
}
