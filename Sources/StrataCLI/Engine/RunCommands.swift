import ArgumentParser
import StrataEngine
import StrataSystem
#if canImport(Glibc)
import Glibc
#endif

/// `strata run`: create and start; attached runs print the output and exit with the
/// container's code, as `docker run` does.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Create and start a container.",
        discussion: """
            The default is the hardened layer: Strata's seccomp allow-list, Docker's default \
            capabilities, no-new-privileges and a pids limit; flags loosen it explicitly. A \
            per-container monitor keeps the output (k8s-file log), applies the restart policy and \
            runs the health checks; it outlives this command.
            """)

    @OptionGroup var engineOptions: EngineOptions
    @Flag(name: .shortAndLong, help: "Run in the background and print the id.")
    var detach = false
    @OptionGroup var options: ContainerOptions

    func run() throws {
        let (config, name) = try options.makeConfig()
        if config.tty && detach {
            throw ValidationError("-t with -d is not supported yet: a detached terminal needs the console socket")
        }
        let engine = try options.engineForRun(engineOptions)
        let record = try engine.create(config, name: name)
        if detach {
            do {
                try engine.start(record.id)
            } catch {
                throw engineFailure("\(error)", code: Self.startFailureCode("\(error)"))
            }
            print(record.id)
            return
        }
        let code = try Attach(engine: engine, record: record).run()
        throw ExitCode(code)
    }

    /// Docker's codes: 127 when the command is not found, 126 when it cannot run, else 125.
    static func startFailureCode(_ message: String) -> Int32 {
        if message.contains("no such file") || message.contains("not found") { return 127 }
        if message.contains("permission denied") { return 126 }
        return 125
    }
}

extension ContainerOptions {
    /// `run` and `create` skip reconciling every record: they touch only their own.
    func engineForRun(_ engineOptions: EngineOptions) throws -> Engine {
        try engineOptions.engine(reconcile: false)
    }
}

/// An attached run: the monitor lends our terminal (-t) or writes the log that we follow
/// and print; when it is done we print the rest, remove an --rm container, and exit with
/// the container's code (the monitor's own exit status).
struct Attach {
    let engine: Engine
    let record: ContainerRecord

    func run() throws -> Int32 {
        let pid: pid_t?
        do {
            pid = try engine.start(record.id, attached: true)
        } catch {
            if record.config.autoRemove { _ = try? engine.remove(record.id, force: true) }
            throw engineFailure("\(error)", code: RunCommand.startFailureCode("\(error)"))
        }
        var printed = 0
        let reader = LogReader(path: engine.root.logFile(record.id))
        var code: Int32 = 0
        while true {
            if !record.config.tty { printed = LogPrinter.printNew(reader, after: printed) }
            if let pid {
                var status: Int32 = 0
                let reaped = waitpid(pid, &status, WNOHANG)
                if reaped == pid {
                    code = ExitStatus(waitStatus: status).shellCode
                    break
                }
            } else if !engine.isActive((try? engine.store.find(record.id)) ?? record) {
                code = (try? engine.wait(record.id)) ?? 0
                break
            }
            usleep(20_000)
        }
        if !record.config.tty { _ = LogPrinter.printNew(reader, after: printed) }
        if let final = try? engine.store.record(id: record.id), let exit = final.exitCode {
            if final.exitCode == 127 && !final.error.isEmpty {
                FileHandleOut.stderr("strata: \(final.error)\n")
            }
            code = exit
        }
        if record.config.autoRemove { _ = try? engine.remove(record.id, force: true) }
        return code
    }
}

/// `strata create`: record and bundle, no start.
struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a container without starting it.")
    @OptionGroup var engineOptions: EngineOptions
    @OptionGroup var options: ContainerOptions

    func run() throws {
        let (config, name) = try options.makeConfig()
        let record = try options.engineForRun(engineOptions).create(config, name: name)
        print(record.id)
    }
}

/// Writes to a descriptor without Foundation's buffering.
enum FileHandleOut {
    static func stderr(_ text: String) { try? Files.writeAll(fd: 2, Array(text.utf8), name: "stderr") }
    static func stdout(_ bytes: [UInt8]) { try? Files.writeAll(fd: 1, bytes, name: "stdout") }
}
