import StrataRuntimeClient
import StrataSystem

/// One scrape: list the containers, read their cgroups, render the text format.
public struct Scraper: Sendable {
    public var lister: RuntimeLister
    public var sampler: Sampler

    public init(lister: RuntimeLister, sampler: Sampler) {
        self.lister = lister
        self.sampler = sampler
    }

    /// The exposition, and what went wrong (reported, never fatal: a scrape with one
    /// unreadable container still returns the others, and container_scrape_error says so).
    public func scrape() async -> (body: [UInt8], errors: [StrataError]) {
        var errors: [StrataError] = []
        var containers: [ListedContainer] = []
        do {
            let listing = try lister.listing()
            containers = listing.containers
            // State that no runtime could list is counted in container_scrape_error, not dropped silently.
            errors += listing.unlisted.map { StrataError("list containers", $0.root,
                                                          reason: "no runtime here lists \($0.ids.joined(separator: ", "))") }
        } catch {
            errors.append(error)
        }
        let (samples, sampleErrors) = await sampleInParallel(containers)
        errors += sampleErrors
        return (Exposition.render(samples, errors: errors.count), errors)
    }

    /// Reading a container's cgroup is some 50 small file reads, all system-call time:
    /// split the containers over one task per CPU (in list order, so output is stable).
    func sampleInParallel(_ containers: [ListedContainer]) async -> (samples: [ContainerSample], errors: [StrataError]) {
        let workers = max(1, min(HostInfo.current().onlineCPUs, containers.count / 8))
        guard workers > 1 else { return sampler.sample(containers) }
        let chunk = (containers.count + workers - 1) / workers
        let sampler = sampler
        let parts = await withTaskGroup(of: (Int, [ContainerSample], [StrataError]).self) { group in
            for (index, start) in stride(from: 0, to: containers.count, by: chunk).enumerated() {
                let slice = Array(containers[start..<min(start + chunk, containers.count)])
                group.addTask {
                    let (samples, errors) = sampler.sample(slice)
                    return (index, samples, errors)
                }
            }
            var parts: [(Int, [ContainerSample], [StrataError])] = []
            for await part in group { parts.append(part) }
            return parts.sorted { $0.0 < $1.0 }
        }
        return (parts.flatMap(\.1), parts.flatMap(\.2))
    }
}
