import StrataRuntimeClient
/// How to raise a limit, said for the tool that made the container: Docker users get
/// `docker update`, a container a runtime made directly gets that runtime's `update`, and
/// one made through containerd (ctr, the CRI, Kubernetes), whose limits live in the client's
/// own records, gets the config field to change there rather than a command that the
/// client would undo.
public enum LimitAdvice: Sendable, Equatable {
    case docker
    /// containerd's shim root: the client (ctr, a kubelet) owns the limits.
    case containerd
    /// A runtime's own root (strun's default, which Podman's conmon also uses, or a
    /// `--root`): the runtime that listed it, by name.
    case runtime(String)

    /// Which tool to name for a container, from the root it was listed under.
    public static func of(_ container: ListedContainer) -> LimitAdvice {
        // dockerd's shim root: EXEC-ROOT/runtime-NAME/moby (/run/docker/runtime-runc/moby).
        if container.root.hasSuffix("/moby") && container.root.contains("/runtime-") { return .docker }
        if container.root.hasPrefix("/run/containerd/") { return .containerd }
        let name = container.lister.split(separator: "/").last.map(String.init) ?? ""
        return .runtime(name.isEmpty ? "strun" : name)
    }

    public var cpuQuota: String {
        switch self {
        case .docker: return "docker update --cpus"
        case .containerd: return "the client's CPU limit, e.g. a pod's resources.limits.cpu"
        case .runtime(let name): return "\(name) update --cpu-quota"
        }
    }

    public var memory: String {
        switch self {
        case .docker: return "docker update --memory"
        case .containerd: return "the client's memory limit, e.g. a pod's resources.limits.memory"
        case .runtime(let name): return "\(name) update --memory"
        }
    }

    public var pids: String {
        switch self {
        case .docker: return "docker update --pids-limit"
        case .containerd: return "the client's pids limit, linux.resources.pids.limit"
        case .runtime(let name): return "\(name) update --pids-limit"
        }
    }
}
