import Foundation
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// The engine's operations on container records, for the CLI: create, start (by starting a
/// monitor), stop, kill, remove, wait, and reconcile after a monitor died. Every operation
/// validates first and makes nothing on bad input; a failure halfway removes what it made.
public struct Engine {
    public let root: StorageRoot
    public let store: ContainerStore

    public init(root: StorageRoot, store: ContainerStore) {
        self.root = root
        self.store = store
    }

    /// Opens (making on first use) the storage root and its database.
    public init(root: StorageRoot) throws(StrataError) {
        try root.prepare()
        self.init(root: root, store: try ContainerStore(path: root.database))
    }

    public func runtime(for config: ContainerConfig) -> RuntimeClient {
        RuntimeClient(binary: config.runtime, root: root.runtimeRoot(for: config.runtime))
    }

    // MARK: create

    /// Checks the config against the host, generates the bundle and adds the record.
    public func create(_ config: ContainerConfig, name: String?) throws(StrataError) -> ContainerRecord {
        try validate(config)
        let id = Self.newID()
        let chosen = try name.map { name throws(StrataError) in try Self.checkName(name); return name } ?? Names.random(id: id)
        let directory = root.containerDirectory(id)
        try Files.makeDirectories(directory, mode: 0o700)
        do throws(StrataError) {
            let rootfs: String
            switch config.source {
            case .directory(let path): rootfs = path
            case .image(let reference, _):
                throw StrataError("create container", reference, reason: "images are not wired into the engine yet; use --rootfs DIR")
            }
            try BundleBuilder(id: id, config: config, rootfs: rootfs, rootless: geteuid() != 0).write(to: directory)
            let record = ContainerRecord(id: id, name: chosen, config: config, createdAt: WallClock.seconds())
            try store.insert(record)
            return record
        } catch {
            try? Files.removeTree(directory)
            throw error
        }
    }

    func validate(_ config: ContainerConfig) throws(StrataError) {
        if case .directory(let path) = config.source {
            guard Files.isDirectory(path) else {
                throw StrataError("use rootfs", path, reason: Files.exists(path) ? "not a directory" : "no such directory")
            }
        }
        for volume in config.volumes {
            guard Files.exists(volume.source) else {
                throw StrataError("mount volume", volume.source, reason: "no such file or directory on the host")
            }
            guard volume.destination.hasPrefix("/") else {
                throw StrataError("mount volume", volume.destination, reason: "the container path must be absolute")
            }
        }
        for target in config.tmpfs where !target.hasPrefix("/") {
            throw StrataError("mount tmpfs", target, reason: "the container path must be absolute")
        }
        if config.network == .bridge && geteuid() != 0 {
            throw StrataError("use network", "bridge", reason: "rootless bridge networking (slirp4netns or pasta) is not built yet; use --network none or host")
        }
        if !config.ports.isEmpty && config.network != .bridge {
            throw StrataError("publish port", config.ports[0].display, reason: "-p needs --network bridge")
        }
        try checkPorts(config.ports, except: nil)
        if config.autoRemove && config.restart != .no {
            throw StrataError("create container", "--rm", reason: "--rm and --restart \(config.restart) conflict")
        }
        if let seccomp = config.security.seccomp, seccomp != "unconfined", !Files.exists(seccomp) {
            throw StrataError("read seccomp profile", seccomp, reason: "no such file")
        }
    }

    /// A published host port must be free on the host and not published by another live
    /// container (portmap's DNAT would take the traffic silently).
    func checkPorts(_ ports: [PortMapping], except id: String?) throws(StrataError) {
        guard !ports.isEmpty else { return }
        let others = try store.all().filter { $0.id != id && isActive($0) }
        for port in ports {
            if let owner = others.first(where: { $0.config.ports.contains { $0.hostPort == port.hostPort && $0.proto == port.proto } }) {
                throw StrataError.message("publish port \(port.hostPort)/\(port.proto): container \(owner.name) already publishes it")
            }
            try CNINetwork.checkPortFree(port)
        }
    }

    /// 64 hex digits from the system's random source (getrandom).
    static func newID() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let text = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - text.count) + text
        }.joined()
    }

    /// Podman's name rule: [a-zA-Z0-9][a-zA-Z0-9_.-]* (Docker's, with one-letter names).
    static func checkName(_ name: String) throws(StrataError) {
        let allowed = { (c: Character) in c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "." || c == "-") }
        guard let first = name.first, first.isASCII, first.isLetter || first.isNumber,
              name.allSatisfy(allowed), !(name.count == 64 && name.allSatisfy(\.isHexDigit)) else {
            throw StrataError("use name", name, reason: "names are [a-zA-Z0-9][a-zA-Z0-9_.-]* (and not a 64-digit id)")
        }
    }

    // MARK: start, stop, kill

    /// Starts a monitor for the container and waits until it runs or fails to start.
    /// `attached` monitors lend the caller's stdio (the terminal with -t); they are waited
    /// for by the caller, whose pid is returned.
    @discardableResult
    public func start(_ reference: String, attached: Bool = false) throws(StrataError) -> pid_t? {
        var record = try store.find(reference)
        if Monitor.isAlive(root.containerDirectory(record.id)) && record.state.needsMonitor { return nil }
        record = try store.update(record.id) {
            $0.stopRequested = false; $0.restartCount = 0; $0.state = .starting; $0.error = ""
        }
        let pid = try spawnMonitor(record.id, attached: attached)
        // Wait for the monitor's verdict: running, or exited with an error (a missing command).
        let deadline = MonotonicClock.nanoseconds() + 30_000_000_000
        while MonotonicClock.nanoseconds() < deadline {
            guard let now = try store.record(id: record.id) else { return pid }
            if now.state == .running || now.state == .restarting { return pid }
            if now.state == .exited {
                if !now.error.isEmpty { throw StrataError.message("start container \(now.name): \(now.error)") }
                return pid
            }
            if !attached && !Processes.isAlive(pid) {
                // The monitor left without a word: it found another monitor, or crashed.
                if Monitor.isAlive(root.containerDirectory(record.id)) { return pid }
                var status: Int32 = 0
                waitpid(pid, &status, WNOHANG)
            }
            usleep(5_000)
        }
        throw StrataError("start container", record.name, reason: "the monitor did not report within 30 s")
    }

    /// `strata monitor ID` in its own session, the path of this executable.
    func spawnMonitor(_ id: String, attached: Bool) throws(StrataError) -> pid_t {
        let me = Self.ownExecutable()
        var argv = [me, "monitor", "--root", root.path]
        if attached { argv.append("--attached") }
        argv.append(id)
        // Only a -t run lends the terminal; otherwise the output goes through the log, and the
        // monitor keeps none of our descriptors (a pipe reader would wait for it to exit).
        let tty = try store.record(id: id)?.config.tty ?? false
        let lend = attached && tty
        let stdio: [Int32?] = lend ? [0, 1, 2] : [nil, nil, nil]
        // Its own session: our terminal's ^C and hangup do not reach it.
        return try ProcessSpawner.spawn(argv, stdio: stdio, newSession: true)
    }

    static func ownExecutable() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return "strata" }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// True while a monitor owns the container and it is not exited.
    public func isActive(_ record: ContainerRecord) -> Bool {
        record.state.needsMonitor && Monitor.isAlive(root.containerDirectory(record.id))
    }

    /// SIGTERM (or the stop signal), then SIGKILL after `timeout` seconds; returns once the
    /// monitor has recorded the exit. A manual stop: the restart policy does not apply.
    public func stop(_ reference: String, timeout: Int?) throws(StrataError) -> ContainerRecord {
        var record = try store.find(reference)
        record = try store.update(record.id) { $0.stopRequested = true }
        guard isActive(record) else { return record }
        let runtime = runtime(for: record.config)
        let signal = Signals.parse(record.config.stopSignal) ?? SIGTERM
        try? runtime.kill(record.id, signal: signal)
        let grace = Int64(timeout ?? record.config.stopTimeout) * 1_000_000_000
        if try waitForMonitor(record.id, nanos: grace) { return try store.find(record.id) }
        try? runtime.kill(record.id, signal: SIGKILL, all: true)
        if try waitForMonitor(record.id, nanos: 10_000_000_000) { return try store.find(record.id) }
        throw StrataError("stop container", record.name, reason: "it did not exit within 10 s of SIGKILL")
    }

    /// Waits until the monitor has let go; true if it did in time.
    func waitForMonitor(_ id: String, nanos: Int64) throws(StrataError) -> Bool {
        let deadline = MonotonicClock.nanoseconds() + nanos
        let directory = root.containerDirectory(id)
        repeat {
            if !Monitor.isAlive(directory) { return true }
            usleep(10_000)
        } while MonotonicClock.nanoseconds() < deadline
        return !Monitor.isAlive(directory)
    }

    public func kill(_ reference: String, signal: Int32) throws(StrataError) -> ContainerRecord {
        let record = try store.find(reference)
        guard isActive(record), record.state == .running else {
            throw StrataError.message("container \(record.name) is not running")
        }
        // Docker counts a kill as a manual stop when the signal ends the container.
        try store.update(record.id) { $0.stopRequested = true }
        try runtime(for: record.config).kill(record.id, signal: signal)
        return record
    }

    /// Removes a container; a running one only with `force` (killed first).
    public func remove(_ reference: String, force: Bool) throws(StrataError) -> ContainerRecord {
        let record = try store.find(reference)
        if isActive(record) {
            guard force else {
                throw StrataError.message("cannot remove container \(record.name): it is \(record.state.rawValue); stop it first or use rm -f")
            }
            _ = try stop(record.id, timeout: 0)
        }
        if record.config.network == .bridge {
            CNINetwork().tearDown(id: record.id, directory: root.containerDirectory(record.id), ports: record.config.ports)
        }
        try removeFiles(id: record.id, runtime: runtime(for: record.config))
        try store.delete(record.id)
        return record
    }

    func removeFiles(id: String, runtime: RuntimeClient) throws(StrataError) {
        try? runtime.delete(id)
        try Files.removeTree(root.containerDirectory(id))
    }

    /// Blocks until the container has exited for good; returns its exit code.
    public func wait(_ reference: String) throws(StrataError) -> Int32 {
        let id = try store.find(reference).id
        while true {
            guard let record = try store.record(id: id) else { return -1 }
            if record.state == .exited || record.state == .created, !Monitor.isAlive(root.containerDirectory(id)) {
                return record.exitCode ?? 0
            }
            usleep(20_000)
        }
    }

    // MARK: reconcile

    /// Brings the records in line with reality after a kill -9 of a monitor or of strata:
    /// a container whose record says it is live but has no monitor gets a new one (which
    /// watches it, or records its end and applies the policy); an exited --rm container
    /// whose remover died is removed.
    public func reconcile() throws(StrataError) {
        for record in try store.all() {
            let directory = root.containerDirectory(record.id)
            if record.state.needsMonitor {
                guard !Monitor.isAlive(directory), let pid = try? spawnMonitor(record.id, attached: false) else { continue }
                // Until the new monitor has taken over, this command would see no live
                // container: wait (briefly) for it to record itself.
                let deadline = MonotonicClock.nanoseconds() + 2_000_000_000
                while MonotonicClock.nanoseconds() < deadline {
                    guard let now = try store.record(id: record.id) else { break }
                    if now.monitorPid == pid || !now.state.needsMonitor || !Processes.isAlive(pid) { break }
                    usleep(5_000)
                }
            } else if record.state == .exited && record.config.autoRemove && !Monitor.isAlive(directory) {
                _ = try? remove(record.id, force: false)
            }
        }
    }
}
