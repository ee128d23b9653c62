import StrataRuntimeClient
import ArgumentParser
import StrataMetrics
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Where to find containers: shared by `strata stats` and `strata metrics serve`.
struct DiscoveryOptions: ParsableArguments {
    @Option(name: .customLong("root"),
            help: ArgumentHelp("A runtime state root to list (repeatable). Default: the well-known roots that exist "
                               + "(/run/strun, /run/containerd/runc/*, /run/docker/runtime-*/moby).", valueName: "dir"))
    var roots: [String] = []

    @Option(help: ArgumentHelp("The runtime binary that lists them (default: strun next to strata, then in PATH).",
                               valueName: "path"))
    var runtime: String?

    /// The well-known roots that exist, or the roots given, each of which must be a
    /// directory: a mistyped --root is an error, not an empty table.
    func lister() throws -> RuntimeLister {
        for root in roots where !Files.isDirectory(root) {
            throw StrataError("use state root", root,
                              errno: Files.exists(root) ? ENOTDIR : ENOENT)
        }
        return RuntimeLister(runtime: try RuntimeBinary.resolve(runtime), roots: roots.isEmpty ? StateRoots.wellKnown() : roots)
    }
}
