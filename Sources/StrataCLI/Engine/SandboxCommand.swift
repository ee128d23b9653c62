import ArgumentParser
import StrataEngine
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// `strata sandbox -- CMD ARGS`: a host command in a sandbox (see SandboxPlan), run in the
/// foreground by the runtime with our stdio (and our terminal when stdin is one). Its exit
/// code is ours; --timeout kills its whole tree and exits 124, as timeout(1) does.
struct SandboxCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox", abstract: "Run a host command in a sandbox, no image needed.",
        discussion: """
            The command sees the host's system directories read-only (/usr, /bin, /lib*, /etc \
            without its secrets, /opt), a fresh /tmp, the current directory writable, and no \
            network, home directory, SSH agent, keyring or environment beyond a short allow-list. \
            It runs with Strata's seccomp allow-list, no capabilities, no-new-privileges and a \
            user namespace, for root and unprivileged users alike.
            """)

    @OptionGroup var engineOptions: EngineOptions
    @Flag(help: "Share the host's network.") var net = false
    @Option(help: ArgumentHelp("Also make PATH writable inside (repeatable).", valueName: "path")) var rw: [String] = []
    @Option(help: ArgumentHelp("Also show PATH read-only inside (repeatable).", valueName: "path")) var ro: [String] = []
    @Option(help: "Memory limit (e.g. 512m).") var memory: String?
    @Option(help: "CPU limit in CPUs.") var cpus: Double?
    @Option(help: "Kill the whole tree after this long (e.g. 60s) and exit 124.") var timeout: String?
    @Option(name: .shortAndLong, help: "Set an environment variable inside.") var env: [String] = []
    @Option(help: ArgumentHelp("OCI runtime binary (default: strun next to strata).", valueName: "path")) var runtime: String?
    @Argument(parsing: .captureForPassthrough, help: "-- COMMAND [ARG...]") var command: [String] = []

    func run() throws {
        var argv = command
        if argv.first == "--" { argv.removeFirst() }
        guard let name = argv.first else { throw ValidationError("give a command: strata sandbox -- CMD [ARG...]") }
        let timeoutNanos = try timeout.map { t throws(StrataError) in try Units.duration(t, flag: "--timeout") }
        for path in rw + ro where !Files.exists(Paths.absolute(path)) {
            throw StrataError("share", Paths.absolute(path), reason: "no such file or directory on the host")
        }
        do {
            _ = try SandboxPlan.resolveCommand(name)
        } catch {
            throw engineFailure("\(error)", code: 127)
        }
        let binary = try ContainerOptions.resolveRuntime(runtime)
        var plan = SandboxPlan(command: argv, workDir: Paths.absolute("."))
        plan.network = net
        plan.readWrite = rw.map(Paths.absolute)
        plan.readOnly = ro.map(Paths.absolute)
        plan.memory = try memory.map { m throws(StrataError) in try Units.bytes(m, flag: "--memory") }
        plan.cpus = cpus
        plan.extraEnv = env.flatMap(ContainerOptions.envPair)
        plan.terminal = isatty(0) == 1 && isatty(1) == 1

        let root = StorageRoot.resolve(engineOptions.root)
        try root.prepare()
        let client = RuntimeClient(binary: binary, root: root.runtimeRoot(for: binary))
        let id = "sandbox-" + String(UInt64.random(in: 0...UInt64.max), radix: 16)
        let bundle = try Self.temporaryDirectory()
        defer { try? Files.removeTree(bundle) }
        try plan.prepareRoot(bundle + "/rootfs")
        try Files.writeAtomically(bundle + "/config.json", try plan.spec(rootfs: bundle + "/rootfs", id: id).jsonBytes(pretty: true), mode: 0o600)
        let code = try Self.runForeground(client, id: id, bundle: bundle, timeout: timeoutNanos)
        throw ExitCode(code)
    }

    static func temporaryDirectory() throws(StrataError) -> String {
        let base = getenv("XDG_RUNTIME_DIR").map { String(cString: $0) }.flatMap { Files.isDirectory($0) ? $0 : nil } ?? "/tmp"
        var template = Array((base + "/strata-sandbox-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ buffer in buffer.baseAddress.flatMap { mkdtemp($0) } }) else {
            throw StrataError.system("make directory", base + "/strata-sandbox-XXXXXX")
        }
        let path = String(cString: made)
        chmod(path, 0o755)
        return path
    }

    /// `runtime run` in the foreground. Our INT, TERM, HUP and QUIT are blocked and passed on
    /// to it (it passes them to the sandboxed process), so we always clean up; the timeout
    /// kills every process of the sandbox.
    static func runForeground(_ client: RuntimeClient, id: String, bundle: String, timeout: Int64?) throws -> Int32 {
        let forwarded: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]
        var set = sigset_t()
        sigemptyset(&set)
        for signal in forwarded { sigaddset(&set, signal) }
        var old = sigset_t()
        pthread_sigmask(SIG_BLOCK, &set, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        let child = try ProcessSpawner.spawn([client.binary, "--root", client.root, "run", "--bundle", bundle, id], stdio: [0, 1, 2])
        defer { try? client.delete(id) }
        let deadline = timeout.map { MonotonicClock.nanoseconds() + $0 }
        var timedOut = false
        while true {
            var status: Int32 = 0
            let reaped = waitpid(child, &status, WNOHANG)
            if reaped == child {
                if timedOut {
                    FileHandleOut.stderr("strata: sandbox: timed out after \(Double(timeout ?? 0) / 1e9)s; killed\n")
                    return 124
                }
                return ExitStatus(waitStatus: status).shellCode
            }
            if let deadline, !timedOut, MonotonicClock.nanoseconds() >= deadline {
                timedOut = true
                try? client.kill(id, signal: SIGKILL, all: true)
            }
            var wait = timespec(tv_sec: 0, tv_nsec: 10_000_000)
            let signal = sigtimedwait(&set, nil, &wait)
            if signal > 0 { kill(child, signal) }
        }
    }
}
