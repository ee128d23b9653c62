import StrataSystem

/// Where runtimes keep container state when clients call them (and the engine's own), so `strata stats` finds
/// containers without being told. Each is listed with the runtime binary `strata` uses.
public enum StateRoots {
    /// strun's own default (`strun --root`, as root), which is also where Podman's conmon
    /// leaves it: Podman calls the runtime without --root.
    public static let strunDefault = "/run/strun"

    /// Where `strata run` (as root, default storage root) has strun keep its containers:
    /// StrataEngine's StorageRoot.runtimeRoot(for: strun).
    public static let engineStrun = "/var/lib/strata/runtime/strun"

    /// The well-known roots that exist on this host: strun's default; containerd's runc v2
    /// shim, one root per namespace (/run/containerd/runc/NAMESPACE); Docker's, one per
    /// configured runtime (/run/docker/runtime-NAME/moby, under dockerd's --exec-root).
    public static func wellKnown() -> [String] {
        var roots = [strunDefault, engineStrun]
        roots += subdirectories(of: "/run/containerd/runc") { _ in true }
        roots += subdirectories(of: "/run/docker") { $0.hasPrefix("runtime-") }.map { $0 + "/moby" }
        return roots.filter(Files.isDirectory)
    }

    static func subdirectories(of dir: String, named matches: (String) -> Bool) -> [String] {
        guard let names = try? Files.list(dir) else { return [] }
        return names.filter(matches).sorted().map { dir + "/" + $0 }.filter(Files.isDirectory)
    }
}
