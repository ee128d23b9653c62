import Foundation
import StrataSpec
import StrataSystem

/// Turns a container's config into the OCI config.json the runtime gets. The base is the
/// hardened layer (`strun spec --hardened`: Strata's seccomp allow-list, a cgroup namespace,
/// no_new_privs, a pids limit) with Docker's default capabilities; every flag that loosens it
/// does so explicitly. As non-root the base is the rootless one (a user namespace).
public struct BundleBuilder {
    public var id: String
    public var config: ContainerConfig
    /// The directory that becomes the root (the --rootfs dir, or the overlay mount of an image).
    public var rootfs: String
    public var rootless: Bool

    public init(id: String, config: ContainerConfig, rootfs: String, rootless: Bool) {
        self.id = id
        self.config = config
        self.rootfs = rootfs
        self.rootless = rootless
    }

    public static let defaultPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
    /// The pids limit of the hardened layer.
    public static let defaultPidsLimit: Int64 = 1024

    public func spec() throws(StrataError) -> Spec {
        let base = rootless ? Spec.rootlessConfig(uid: UInt32(getuid()), gid: UInt32(getgid())) : Spec.defaultConfig()
        var spec = Spec.hardened(base)
        spec.hostname = String(id.prefix(12))
        spec.root = Root(path: rootfs, readonly: config.readOnly)
        spec.annotations = ["org.strata.engine.id": id]
        guard var process = spec.process, var linux = spec.linux else {
            throw StrataError("generate", "config.json", reason: "the default spec has no process")
        }
        guard !config.command.isEmpty else {
            throw StrataError("create container", config.source.display, reason: "no command given")
        }
        process.args = config.command
        process.terminal = config.tty
        process.cwd = config.workingDir ?? "/"
        guard process.cwd.hasPrefix("/") else {
            throw StrataError("parse", "working directory \(process.cwd)", reason: "must be an absolute path")
        }
        process.user = try UserResolver(rootfs: rootfs).resolve(config.user)
        process.env = environment()
        process.noNewPrivileges = config.security.noNewPrivileges
        let caps = try DefaultCapabilities.apply(add: config.capAdd, drop: config.capDrop)
        // Ambient only for root: a non-root user gets none by default, as in Docker.
        process.capabilities = LinuxCapabilities(bounding: caps, effective: caps, permitted: caps,
                                                 ambient: process.user.uid == 0 ? caps : [])
        spec.process = process

        switch config.security.seccomp {
        case nil: break
        case "unconfined"?: linux.seccomp = nil
        case let path?: linux.seccomp = try Self.loadSeccomp(path)
        }

        var resources = linux.resources ?? LinuxResources()
        if let limit = config.pidsLimit {
            resources.pids = limit > 0 ? LinuxPids(limit: limit) : nil
        }
        if let memory = config.memory {
            resources.memory = LinuxMemory(limit: memory)
        }
        if let cpus = config.cpus {
            resources.cpu = LinuxCPU(quota: Int64(cpus * 100_000), period: 100_000)
        }
        linux.resources = resources

        switch config.network {
        case .host:
            linux.namespaces = linux.namespaces?.filter { $0.type != "network" }
        case .none:
            if !rootless && !(linux.namespaces ?? []).contains(where: { $0.type == "network" }) {
                linux.namespaces?.append(LinuxNamespace(type: "network"))
            }
        case .bridge:
            // The namespace the engine made and attached (CNINetwork), joined by path.
            linux.namespaces = (linux.namespaces ?? []).filter { $0.type != "network" }
                + [LinuxNamespace(type: "network", path: CNINetwork.namespacePath(id))]
        }
        spec.linux = linux
        spec.mounts = (spec.mounts ?? []) + (try extraMounts())
        return spec
    }

    /// PATH (unless given), HOSTNAME, TERM with a tty, then the user's -e/--env-file in order.
    func environment() -> [String] {
        var env: [String] = []
        let given = Set(config.env.map { $0.split(separator: "=", maxSplits: 1).first.map(String.init) ?? $0 })
        if !given.contains("PATH") { env.append("PATH=" + Self.defaultPath) }
        if !given.contains("HOSTNAME") { env.append("HOSTNAME=" + String(id.prefix(12))) }
        if config.tty && !given.contains("TERM") { env.append("TERM=xterm") }
        return env + config.env
    }

    func extraMounts() throws(StrataError) -> [Mount] {
        var mounts: [Mount] = []
        for volume in config.volumes {
            var options = ["rbind", "rprivate"]
            if volume.readOnly { options.append("ro") }
            mounts.append(Mount(destination: volume.destination, type: "bind", source: volume.source, options: options))
        }
        for target in config.tmpfs {
            let parts = target.split(separator: ":", maxSplits: 1).map(String.init)
            var options = ["nosuid", "nodev", "mode=1777"]
            if parts.count == 2 { options += parts[1].split(separator: ",").map(String.init) }
            mounts.append(Mount(destination: parts[0], type: "tmpfs", source: "tmpfs", options: options))
        }
        return mounts
    }

    static func loadSeccomp(_ path: String) throws(StrataError) -> LinuxSeccomp {
        let bytes = try Files.read(path)
        do {
            return try JSONDecoder().decode(LinuxSeccomp.self, from: Data(bytes))
        } catch {
            throw StrataError("parse", "seccomp profile \(path)", reason: "\(error)")
        }
    }

    /// Writes `<dir>/config.json` (0600: it holds the environment).
    public func write(to directory: String) throws(StrataError) {
        try Files.writeAtomically(directory + "/config.json", try spec().jsonBytes(pretty: true), mode: 0o600)
    }
}
