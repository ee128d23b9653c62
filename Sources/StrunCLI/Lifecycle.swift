import ArgumentParser
import StrataSystem
import StrataRuntime

/// Flags shared by `create` and `run`.
struct CreateFlags: ParsableArguments {
    @Option(name: [.short, .long], help: "path to the root of the bundle directory")
    var bundle: String = "."

    @Option(name: .customLong("console-socket"), help: "path to an AF_UNIX socket which will receive the pty master")
    var consoleSocket: String?

    @Option(name: .customLong("pid-file"), help: "file to write the process id to")
    var pidFile: String?

    @Flag(name: .customLong("no-pivot"), help: "do not use pivot root to jail process inside rootfs")
    var noPivot = false

    @Flag(name: .customLong("no-new-keyring"), help: "do not create a new session keyring for the container")
    var noNewKeyring = false

    @Option(name: .customLong("preserve-fds"), help: "pass N additional file descriptors to the container")
    var preserveFDs: Int32 = 0

    func options(id: String) -> CreateOptions {
        CreateOptions(id: id, bundle: bundle, consoleSocket: consoleSocket, pidFile: pidFile,
                      noPivot: noPivot, noNewKeyring: noNewKeyring, preserveFDs: preserveFDs)
    }
}

struct Create: StrunCommand {
    static let configuration = CommandConfiguration(abstract: "create a container")
    @OptionGroup var globals: GlobalOptions
    @OptionGroup var flags: CreateFlags
    @Argument(help: "container id") var id: String

    func execute(_ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.create(flags.options(id: id))
        return 0
    }
}

struct Run: StrunCommand {
    static let configuration = CommandConfiguration(abstract: "create and run a container")
    @OptionGroup var globals: GlobalOptions
    @OptionGroup var flags: CreateFlags
    @Flag(name: [.short, .long], help: "detach from the container's process") var detach = false
    @Flag(name: .customLong("keep"), help: "do not delete the container after it exits") var keep = false
    @Flag(name: .customLong("no-subreaper"), help: "disable the use of the subreaper used to reap reparented processes")
    var noSubreaper = false
    @Argument(help: "container id") var id: String

    func execute(_ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.run(flags.options(id: id), detach: detach)
    }
}

struct Start: StrunCommand {
    static let configuration = CommandConfiguration(abstract: "executes the user defined process in a created container")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "container id") var id: String

    func execute(_ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.start(id: id)
        return 0
    }
}

struct Kill: StrunCommand {
    static let configuration = CommandConfiguration(abstract: "kill sends the specified signal (default: SIGTERM) to the container's init process")
    @OptionGroup var globals: GlobalOptions
    @Flag(name: [.short, .long], help: "send the specified signal to all processes inside the container") var all = false
    @Argument(help: "container id") var id: String
    @Argument(help: "signal name or number") var signal: String = "SIGTERM"

    func execute(_ runtime: Runtime) throws(StrataError) -> Int32 {
        guard let number = Signals.parse(signal) else {
            throw StrataError.message("unknown signal \"\(signal)\"")
        }
        try runtime.kill(id: id, signal: number, all: all)
        return 0
    }
}

struct Delete: StrunCommand {
    static let configuration = CommandConfiguration(abstract: "delete any resources held by the container")
    @OptionGroup var globals: GlobalOptions
    @Flag(name: [.short, .long], help: "forcibly delete the container if it is still running (uses SIGKILL)") var force = false
    @Argument(help: "container id") var id: String

    func execute(_ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.delete(id: id, force: force)
        return 0
    }
}
