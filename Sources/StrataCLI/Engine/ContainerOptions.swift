import ArgumentParser
import StrataEngine
import StrataRuntimeClient
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// The flags of `run` and `create` (Docker's and Podman's spelling).
struct ContainerOptions: ParsableArguments {
    @Option(help: "A name for the container (default: a generated one).")
    var name: String?

    @Option(name: .shortAndLong, help: ArgumentHelp("Set an environment variable (KEY=VALUE, or KEY to pass the host's).", valueName: "env"))
    var env: [String] = []

    @Option(name: .customLong("env-file"), help: ArgumentHelp("Read KEY=VALUE lines from a file.", valueName: "file"))
    var envFile: [String] = []

    @Option(name: [.short, .customLong("volume")], help: ArgumentHelp("Bind-mount a host path: SRC:DST[:ro].", valueName: "src:dst[:ro]"))
    var volume: [String] = []

    @Option(help: ArgumentHelp("Mount a fresh tmpfs at a container path (DST[:options]).", valueName: "dst"))
    var tmpfs: [String] = []

    @Option(name: [.short, .customLong("workdir")], help: "Working directory inside the container.")
    var workdir: String?

    @Option(name: [.short, .customLong("user")], help: "User (name or uid, optionally :group) resolved in the container's /etc/passwd.")
    var user: String?

    @Flag(name: .customLong("read-only"), help: "Mount the root filesystem read-only.")
    var readOnly = false

    @Option(name: [.short, .customLong("memory")], help: "Memory limit (e.g. 64m, 1g).")
    var memory: String?

    @Option(help: "CPU limit in CPUs (e.g. 0.5).")
    var cpus: Double?

    @Option(name: .customLong("pids-limit"), help: "Process limit (default 1024; -1 for none).")
    var pidsLimit: Int64?

    @Option(name: .customLong("cap-add"), help: "Add a capability to Docker's default set (or ALL).")
    var capAdd: [String] = []

    @Option(name: .customLong("cap-drop"), help: "Drop a capability from the default set (or ALL).")
    var capDrop: [String] = []

    @Option(name: .customLong("security-opt"),
            help: "no-new-privileges[=true|false], seccomp=unconfined or seccomp=FILE.")
    var securityOpt: [String] = []

    @Option(help: "Network: none (loopback only, the default), host, or bridge (CNI: /etc/strata/net.d, or $STRATA_NETWORK_CONFIG_DIR).")
    var network: String = "none"

    @Option(name: [.short, .customLong("publish")], help: ArgumentHelp("Publish a port: [IP:]HOST:CTR[/udp].", valueName: "port"))
    var publish: [String] = []

    @Option(help: "Restart policy: no, on-failure[:N], always or unless-stopped.")
    var restart: String = "no"

    @Option(name: .customLong("health-cmd"), help: "Health check command, run with /bin/sh -c inside the container.")
    var healthCmd: String?

    @Option(name: .customLong("health-interval"), help: "Time between checks (default 30s).")
    var healthInterval: String?

    @Option(name: .customLong("health-timeout"), help: "A check that takes longer fails (default 30s).")
    var healthTimeout: String?

    @Option(name: .customLong("health-retries"), help: "Failures in a row that make it unhealthy (default 3).")
    var healthRetries: Int?

    @Option(name: .customLong("health-start-period"), help: "Failures in this time after a start do not count.")
    var healthStartPeriod: String?

    @Option(name: .customLong("health-on-failure"), help: "When unhealthy: none, restart or kill.")
    var healthOnFailure: String = "none"

    @Option(name: .customLong("stop-signal"), help: "Signal that stop sends first (default SIGTERM).")
    var stopSignal: String?

    @Option(name: .customLong("stop-timeout"), help: "Seconds stop waits before SIGKILL (default 10).")
    var stopTimeout: Int?

    @Flag(name: .customLong("rm"), help: "Remove the container when it exits.")
    var autoRemove = false

    @Flag(name: .shortAndLong, help: "Keep stdin open.")
    var interactive = false

    @Flag(name: .shortAndLong, help: "Give the container a terminal (attached runs only, for now).")
    var tty = false

    @Option(help: "The root filesystem directory to use instead of an image (as podman run --rootfs).")
    var rootfs: String?

    @Option(help: ArgumentHelp("OCI runtime binary (default: $STRATA_RUNTIME, else strun next to strata, then in PATH); runc or crun work.", valueName: "path"))
    var runtime: String?

    /// IMAGE [CMD...] (with --rootfs, all of it is the command).
    @Argument(parsing: .captureForPassthrough, help: "IMAGE [COMMAND [ARG...]], or with --rootfs only COMMAND [ARG...].")
    var arguments: [String] = []

    func makeConfig() throws -> (ContainerConfig, String?) {
        let runtimePath = try Self.resolveRuntime(runtime)
        let source: RootfsSource
        var command = arguments
        if let rootfs {
            source = .directory(Paths.absolute(rootfs))
        } else {
            guard let image = command.first else {
                throw ValidationError("give an IMAGE, or --rootfs DIR and a command")
            }
            command.removeFirst()
            source = .image(reference: image, id: "")
        }
        var config = ContainerConfig(source: source, command: command, runtime: runtimePath)
        config.env = try environment()
        config.volumes = try volume.map(Self.parseVolume)
        config.tmpfs = tmpfs
        config.workingDir = workdir
        config.user = user
        config.readOnly = readOnly
        if let memory { config.memory = try Units.bytes(memory, flag: "--memory") }
        if let cpus {
            guard cpus > 0 else { throw ValidationError("--cpus \(cpus): give a number of CPUs above 0") }
            config.cpus = cpus
        }
        config.pidsLimit = pidsLimit
        config.capAdd = capAdd
        config.capDrop = capDrop
        config.security = try Self.parseSecurity(securityOpt)
        guard let mode = NetworkMode(rawValue: network) else {
            throw ValidationError("--network \(network): use none, host or bridge")
        }
        config.network = mode
        config.ports = try publish.map(Self.parsePort)
        config.restart = try RestartPolicy(parsing: restart)
        if let healthCmd {
            var health = HealthConfig(test: ["/bin/sh", "-c", healthCmd])
            if let healthInterval { health.intervalNanos = try Units.duration(healthInterval, flag: "--health-interval") }
            if let healthTimeout { health.timeoutNanos = try Units.duration(healthTimeout, flag: "--health-timeout") }
            if let healthStartPeriod { health.startPeriodNanos = try Units.duration(healthStartPeriod, flag: "--health-start-period") }
            if let healthRetries {
                guard healthRetries > 0 else { throw ValidationError("--health-retries \(healthRetries): give a count above 0") }
                health.retries = healthRetries
            }
            guard health.intervalNanos > 0, health.timeoutNanos > 0 else {
                throw ValidationError("--health-interval and --health-timeout must be above 0")
            }
            config.health = health
        } else if healthInterval != nil || healthTimeout != nil || healthRetries != nil || healthStartPeriod != nil {
            throw ValidationError("--health-* options need --health-cmd")
        }
        guard let action = HealthFailureAction(rawValue: healthOnFailure) else {
            throw ValidationError("--health-on-failure \(healthOnFailure): use none, restart or kill")
        }
        config.healthOnFailure = action
        if let stopSignal {
            guard Signals.parse(stopSignal) != nil else { throw ValidationError("--stop-signal \(stopSignal): unknown signal") }
            config.stopSignal = stopSignal
        }
        if let stopTimeout { config.stopTimeout = stopTimeout }
        config.autoRemove = autoRemove
        config.interactive = interactive
        config.tty = tty
        return (config, name)
    }

    /// --runtime, else $STRATA_RUNTIME, else strun next to strata or in PATH.
    static func resolveRuntime(_ given: String?) throws -> String {
        let fromEnvironment = getenv("STRATA_RUNTIME").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 }
        return try RuntimeBinary.resolve(given ?? fromEnvironment)
    }

    /// -e and --env-file in order; a bare KEY takes the host's value (dropped if unset).
    func environment() throws -> [String] {
        var out: [String] = []
        for file in envFile {
            let text = try Files.readText(file)
            for line in text.split(separator: "\n") {
                let trimmed = String(line).trimmingASCIIWhitespace()
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                out += Self.envPair(trimmed)
            }
        }
        for pair in env { out += Self.envPair(pair) }
        return out
    }

    static func envPair(_ text: String) -> [String] {
        if text.contains("=") { return [text] }
        guard let value = getenv(text) else { return [] }
        return [text + "=" + String(cString: value)]
    }

    static func parseVolume(_ text: String) throws -> VolumeMount {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 || parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("-v \(text): use SRC:DST[:ro]")
        }
        var readOnly = false
        if parts.count == 3 {
            switch parts[2] {
            case "ro": readOnly = true
            case "rw": readOnly = false
            default: throw ValidationError("-v \(text): the mode must be ro or rw")
            }
        }
        guard parts[0].hasPrefix("/") || parts[0].hasPrefix(".") else {
            throw ValidationError("-v \(text): named volumes are not supported; give a host path")
        }
        return VolumeMount(source: Paths.absolute(parts[0]), destination: parts[1], readOnly: readOnly)
    }

    static func parseSecurity(_ options: [String]) throws -> SecurityOptions {
        var security = SecurityOptions()
        for option in options {
            let pair = option.split(separator: option.contains("=") ? "=" : ":", maxSplits: 1).map(String.init)
            switch (pair[0], pair.count > 1 ? pair[1] : nil) {
            case ("no-new-privileges", nil), ("no-new-privileges", "true"?): security.noNewPrivileges = true
            case ("no-new-privileges", "false"?): security.noNewPrivileges = false
            case ("seccomp", let value?): security.seccomp = value == "unconfined" ? value : Paths.absolute(value)
            default: throw ValidationError("--security-opt \(option): use no-new-privileges[=false], seccomp=unconfined or seccomp=FILE")
            }
        }
        return security
    }

    static func parsePort(_ text: String) throws -> PortMapping {
        var spec = Substring(text)
        var proto = "tcp"
        if let slash = spec.lastIndex(of: "/") {
            proto = String(spec[spec.index(after: slash)...])
            spec = spec[..<slash]
            guard proto == "tcp" || proto == "udp" else { throw ValidationError("-p \(text): the protocol must be tcp or udp") }
        }
        let parts = spec.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        let ip: String? = parts.count == 3 ? parts[0] : nil
        guard parts.count >= 2 && parts.count <= 3, let host = UInt16(parts[parts.count - 2]), let container = UInt16(parts[parts.count - 1]),
              host > 0, container > 0 else {
            throw ValidationError("-p \(text): use [IP:]HOST:CONTAINER[/udp] with ports 1-65535")
        }
        return PortMapping(hostIP: ip, hostPort: host, containerPort: container, proto: proto)
    }
}
