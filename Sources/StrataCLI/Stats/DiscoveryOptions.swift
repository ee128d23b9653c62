import StrataRuntimeClient
import ArgumentParser
import StrataMetrics

/// Where to find containers: shared by `strata stats` and `strata metrics serve`.
struct DiscoveryOptions: ParsableArguments {
    @Option(name: .customLong("root"),
            help: ArgumentHelp("A runtime state root to list (repeatable). Default: the well-known roots that exist "
                               + "(/run/strun, /run/containerd/runc/*, /run/docker/runtime-*/moby).", valueName: "dir"))
    var roots: [String] = []

    @Option(help: ArgumentHelp("The runtime binary that lists them (default: strun next to strata, then in PATH).",
                               valueName: "path"))
    var runtime: String?

    func lister() throws -> RuntimeLister {
        RuntimeLister(runtime: try RuntimeBinary.resolve(runtime), roots: roots.isEmpty ? StateRoots.wellKnown() : roots)
    }
}
