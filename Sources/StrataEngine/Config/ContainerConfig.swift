/// What the user asked for when the container was created: the run flags, stored with the
/// record so `start`, `restart` and the monitor rebuild nothing from argv. The OCI bundle is
/// generated from this (plus the image config once images are wired in).
public struct ContainerConfig: Codable, Sendable, Equatable {
    /// Where the root filesystem comes from.
    public var source: RootfsSource
    /// The command (image Entrypoint + Cmd once images exist; with --rootfs, the argv given).
    public var command: [String]
    public var env: [String] = []
    public var volumes: [VolumeMount] = []
    public var tmpfs: [String] = []
    public var workingDir: String?
    public var user: String?
    public var readOnly = false
    /// Bytes; nil for no limit.
    public var memory: Int64?
    /// CPUs as a decimal (0.5 = half a CPU); nil for no limit.
    public var cpus: Double?
    /// nil = the hardened default; 0 or negative = unlimited (Docker's -1).
    public var pidsLimit: Int64?
    public var capAdd: [String] = []
    public var capDrop: [String] = []
    public var security = SecurityOptions()
    public var network: NetworkMode = .none
    public var ports: [PortMapping] = []
    public var restart: RestartPolicy = .no
    public var health: HealthConfig?
    public var healthOnFailure: HealthFailureAction = .none
    public var tty = false
    public var interactive = false
    /// `--rm`: the record and its files go when the container exits for good.
    public var autoRemove = false
    /// The signal `stop` sends first (the image's StopSignal later).
    public var stopSignal: String = "SIGTERM"
    /// The seconds `stop` waits before SIGKILL, when -t is not given.
    public var stopTimeout: Int = 10
    /// The runtime binary (absolute path) that made the container and must run every later step.
    public var runtime: String

    public init(source: RootfsSource, command: [String], runtime: String) {
        self.source = source
        self.command = command
        self.runtime = runtime
    }
}

/// Where a container's root filesystem comes from.
public enum RootfsSource: Codable, Sendable, Equatable {
    /// A directory used as it is (`--rootfs DIR`, like `podman run --rootfs`).
    case directory(String)
    /// An image from the local store (reference as given, resolved id).
    case image(reference: String, id: String)

    public var display: String {
        switch self {
        case .directory(let path): return path
        case .image(let reference, _): return reference
        }
    }
}

/// `-v SRC:DST[:ro]`: a bind mount of a host path.
public struct VolumeMount: Codable, Sendable, Equatable {
    public var source: String
    public var destination: String
    public var readOnly: Bool

    public init(source: String, destination: String, readOnly: Bool) {
        self.source = source
        self.destination = destination
        self.readOnly = readOnly
    }
}

/// `--security-opt` values, each loosening or tightening the hardened default explicitly.
public struct SecurityOptions: Codable, Sendable, Equatable {
    public var noNewPrivileges = true
    /// nil: Strata's hardened allow-list; "unconfined"; or the path of a profile file.
    public var seccomp: String?
    public init() {}
}

public enum NetworkMode: String, Codable, Sendable, Equatable, CaseIterable {
    /// A new network namespace with only loopback.
    case none
    /// The host's network namespace.
    case host
    /// A CNI bridge network (not built yet: refused with a clear error).
    case bridge
}

/// `-p HOST:CTR[/udp]`.
public struct PortMapping: Codable, Sendable, Equatable {
    public var hostIP: String?
    public var hostPort: UInt16
    public var containerPort: UInt16
    public var proto: String

    public init(hostIP: String?, hostPort: UInt16, containerPort: UInt16, proto: String) {
        self.hostIP = hostIP
        self.hostPort = hostPort
        self.containerPort = containerPort
        self.proto = proto
    }

    public var display: String {
        "\(hostIP ?? "0.0.0.0"):\(hostPort)->\(containerPort)/\(proto)"
    }
}

public enum HealthFailureAction: String, Codable, Sendable, Equatable, CaseIterable {
    case none, restart, kill
}
