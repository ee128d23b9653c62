import ArgumentParser
import StrataEngine
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// Runs `body` for each container named, printing the name as given on success and one
/// line per failure; fails (exit 1) if any failed, as Docker's multi-container commands do.
func forEachContainer(_ names: [String], _ body: (String) throws -> Void) throws {
    var failed = false
    for name in names {
        do {
            try body(name)
            print(name)
        } catch {
            FileHandleOut.stderr("strata: \(error)\n")
            failed = true
        }
    }
    if failed { throw ExitCode(1) }
}

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "start", abstract: "Start stopped containers.")
    @OptionGroup var engineOptions: EngineOptions
    @Argument(help: "Containers (names or ids).") var containers: [String]

    func run() throws {
        let engine = try engineOptions.engine()
        try forEachContainer(containers) { try engine.start($0) }
    }
}

struct StopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stop", abstract: "Stop containers: the stop signal, then SIGKILL after -t seconds.")
    @OptionGroup var engineOptions: EngineOptions
    @Option(name: [.short, .customLong("time")], help: "Seconds to wait before SIGKILL (default: the container's, 10).")
    var time: Int?
    @Argument(help: "Containers (names or ids).") var containers: [String]

    func validate() throws {
        if let time, time < 0 { throw ValidationError("-t \(time): give seconds >= 0") }
    }

    func run() throws {
        let engine = try engineOptions.engine()
        try forEachContainer(containers) { _ = try engine.stop($0, timeout: time) }
    }
}

struct KillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "kill", abstract: "Send a signal to running containers (default SIGKILL).")
    @OptionGroup var engineOptions: EngineOptions
    @Option(name: .shortAndLong, help: "Signal name or number.") var signal: String = "KILL"
    @Argument(help: "Containers (names or ids).") var containers: [String]

    func run() throws {
        guard let number = Signals.parse(signal) else { throw ValidationError("--signal \(signal): unknown signal") }
        let engine = try engineOptions.engine()
        try forEachContainer(containers) { _ = try engine.kill($0, signal: number) }
    }
}

struct RestartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "restart", abstract: "Stop, then start containers.")
    @OptionGroup var engineOptions: EngineOptions
    @Option(name: [.short, .customLong("time")], help: "Seconds to wait before SIGKILL.") var time: Int?
    @Argument(help: "Containers (names or ids).") var containers: [String]

    func run() throws {
        let engine = try engineOptions.engine()
        try forEachContainer(containers) {
            _ = try engine.stop($0, timeout: time)
            try engine.start($0)
        }
    }
}

struct RemoveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rm", abstract: "Remove containers.")
    @OptionGroup var engineOptions: EngineOptions
    @Flag(name: .shortAndLong, help: "Kill and remove running containers.") var force = false
    @Argument(help: "Containers (names or ids).") var containers: [String]

    func run() throws {
        let engine = try engineOptions.engine()
        try forEachContainer(containers) { _ = try engine.remove($0, force: force) }
    }
}

struct WaitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "wait", abstract: "Wait for containers to exit; print their exit codes.")
    @OptionGroup var engineOptions: EngineOptions
    @Argument(help: "Containers (names or ids).") var containers: [String]

    func run() throws {
        let engine = try engineOptions.engine()
        for container in containers { print(try engine.wait(container)) }
    }
}

struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prune", abstract: "Remove all stopped containers.")
    @OptionGroup var engineOptions: EngineOptions

    func run() throws {
        let engine = try engineOptions.engine()
        for record in try engine.store.all() where !engine.isActive(record) {
            _ = try engine.remove(record.id, force: false)
            print(record.id)
        }
    }
}

/// `strata container prune` (and room for Docker's other `container` spellings).
struct ContainerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "container", abstract: "Manage containers.",
                                                    subcommands: [PruneCommand.self])
}

struct TopCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "top", abstract: "The processes of a running container.")
    @OptionGroup var engineOptions: EngineOptions
    @Argument(help: "Container name or id.") var container: String

    func run() throws {
        let engine = try engineOptions.engine()
        let record = try engine.store.find(container)
        guard engine.isActive(record), record.state == .running else {
            throw StrataError.message("container \(record.name) is not running")
        }
        let runtime = engine.runtime(for: record.config)
        let result = try ProcessSpawner.run([runtime.binary, "--root", runtime.root, "ps", record.id])
        guard result.status == .exited(0) else {
            throw StrataError("list processes of", record.name, reason: String(decoding: result.stderr, as: UTF8.self).trimmingASCIIWhitespace())
        }
        FileHandleOut.stdout(result.stdout)
    }
}

struct PortCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "port", abstract: "The published ports of a container.")
    @OptionGroup var engineOptions: EngineOptions
    @Argument(help: "Container name or id.") var container: String

    func run() throws {
        let record = try engineOptions.engine().store.find(container)
        for port in record.config.ports {
            print("\(port.containerPort)/\(port.proto) -> \(port.hostIP ?? "0.0.0.0"):\(port.hostPort)")
        }
    }
}

/// `strata exec`: a process in a running container, through the runtime's exec with our
/// stdio (and our terminal with -t); exits with the process's code.
struct ExecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "exec", abstract: "Run a command in a running container.")
    @OptionGroup var engineOptions: EngineOptions
    @Flag(name: .shortAndLong, help: "Keep stdin open.") var interactive = false
    @Flag(name: .shortAndLong, help: "Give the process a terminal.") var tty = false
    @Flag(name: .shortAndLong, help: "Run it in the background.") var detach = false
    @Option(name: .shortAndLong, help: "Set an environment variable.") var env: [String] = []
    @Option(name: .shortAndLong, help: "User (uid[:gid]).") var user: String?
    @Option(name: [.short, .customLong("workdir")], help: "Working directory.") var workdir: String?
    @Argument(help: "Container name or id.") var container: String
    @Argument(parsing: .captureForPassthrough, help: "COMMAND [ARG...]") var command: [String] = []

    func run() throws {
        guard !command.isEmpty else { throw ValidationError("give a command to run") }
        let engine = try engineOptions.engine()
        let record = try engine.store.find(container)
        guard engine.isActive(record), record.state == .running else {
            throw StrataError.message("container \(record.name) is not running")
        }
        let runtime = engine.runtime(for: record.config)
        let argv = runtime.execArgv(id: record.id, argv: command, tty: tty, env: env.flatMap(ContainerOptions.envPair),
                                    user: user, cwd: workdir, detach: detach)
        let pid = try ProcessSpawner.spawn(argv, stdio: [interactive || tty ? 0 : nil, 1, 2])
        let status = try ProcessSpawner.wait(pid)
        throw ExitCode(status.shellCode)
    }
}

/// The hidden `strata monitor ID`: the per-container monitor's process (see Monitor).
struct MonitorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "monitor", abstract: "The per-container monitor (internal).",
                                                    shouldDisplay: false)
    @OptionGroup var engineOptions: EngineOptions
    @Flag var attached = false
    @Argument var id: String

    func run() throws {
        let engine = try engineOptions.engine(reconcile: false)
        try Monitor(root: engine.root, store: engine.store, id: id, attached: attached).run()
        let code = (try? engine.store.record(id: id))?.exitCode ?? 0
        throw ExitCode(code < 0 ? 255 : code)
    }
}
