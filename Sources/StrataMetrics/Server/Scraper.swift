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
    public func scrape() -> (body: [UInt8], errors: [StrataError]) {
        var errors: [StrataError] = []
        var containers: [ListedContainer] = []
        do {
            containers = try lister.list()
        } catch {
            errors.append(error)
        }
        let (samples, sampleErrors) = sampler.sample(containers)
        errors += sampleErrors
        return (Exposition.render(samples, errors: errors.count), errors)
    }
}
