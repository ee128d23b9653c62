import StrataRuntimeClient
import ArgumentParser
import StrataMetrics
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// `strata stats`: a live table of container resource usage like `docker stats`, or with
/// `--analyze`, what limits each container.
struct StatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats", abstract: "Live resource usage of containers.",
        discussion: """
            Reads the containers that `RUNTIME --root DIR list` reports (and, in the same root, \
            those that runc or crun list), whatever client made them, \
            from their cgroups (v1 or v2) and network namespaces. CPU % is CPU time over wall time \
            (100% = one CPU); efficiency is CPUs used over CPUs allowed (quota, else cpuset, else host).
            """)

    @OptionGroup var discovery: DiscoveryOptions

    @Flag(name: .customLong("no-stream"), help: "Print one snapshot and exit.")
    var noStream = false

    @Option(help: "Output format: table or json (one object per container and line).")
    var format: OutputFormat = .table

    @Flag(help: "Name what limits each container (cpu, memory, io, pids or healthy), with the evidence and a suggestion.")
    var analyze = false

    @Option(help: ArgumentHelp("Seconds between samples.", valueName: "seconds"))
    var interval: Double = 1.0

    @Argument(help: "Containers to show, by id or a unique prefix of one (default: all running ones).")
    var ids: [String] = []

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case table, json
    }

    func validate() throws {
        guard interval > 0 && interval <= 3600 else {
            throw ValidationError("--interval \(interval): give seconds between 0 and 3600")
        }
    }

    func run() async throws {
        let lister = try discovery.lister()
        var sampler = try Sampler()
        sampler.forAnalysis = analyze
        let host = HostInfo.current()
        let redraw = !noStream && format == .table && isatty(1) == 1
        var previous: [String: ContainerSample] = [:]
        // The first round only primes the rates: CPU % needs two samples.
        previous = try collect(lister, sampler, first: true).reduce(into: [:]) { $0[$1.key] = $1 }
        while true {
            try await Task.sleep(nanoseconds: UInt64(interval * 1e9))
            let samples = try collect(lister, sampler, first: false)
            let usages = samples.map { ContainerUsage(previous: previous[$0.key], current: $0, host: host) }
            previous = samples.reduce(into: [:]) { $0[$1.key] = $1 }
            var text = render(usages)
            if redraw { text = "\u{1B}[2J\u{1B}[H" + text } else if !noStream && format == .table { text += "\n" }
            StatsOutput.write(text)
            if noStream { return }
        }
    }

    /// The selected live containers, sampled. An id may be a unique prefix, as with Docker.
    /// Unknown or ambiguous ids are an error naming them and the roots searched; a container
    /// that goes away while streaming just leaves the table. State directories that no
    /// runtime could list are named on stderr (once), not dropped silently.
    func collect(_ lister: RuntimeLister, _ sampler: Sampler, first: Bool) throws -> [ContainerSample] {
        let listing = try lister.listing()
        if first { for note in listing.notes { StatsOutput.warn("strata stats: \(note)") } }
        var containers = listing.containers.filter(\.isLive)
        if !ids.isEmpty {
            let roots = lister.roots.isEmpty ? "no state root found" : lister.roots.joined(separator: ", ")
            containers = try ContainerSelection.select(ids, from: containers, roots: roots)
        }
        let (samples, errors) = sampler.sample(containers)
        for error in errors { StatsOutput.warn("strata stats: \(error)") }
        return samples
    }

    func render(_ usages: [ContainerUsage]) -> String {
        if analyze {
            let diagnoses = usages.map(BottleneckAnalysis.diagnose)
            return format == .table ? StatsRendering.analysisTable(diagnoses)
                : diagnoses.map { StatsRendering.analysisJSON($0) + "\n" }.joined()
        }
        return format == .table ? StatsRendering.usageTable(usages)
            : usages.map { StatsRendering.usageJSON($0) + "\n" }.joined()
    }
}
