import StrataSystem
import StrataRuntime

/// Flags shared by `create` and `run`.
enum CreateFlags {
    static let options: [OptionSpec] = [
        .value("bundle", short: "b", "path to the root of the bundle directory, defaults to the current directory"),
        .value("console-socket", "path to an AF_UNIX socket which will receive a file descriptor referencing the master end of the console's pseudoterminal"),
        .value("pid-file", "specify the file to write the process id to"),
        .flag("no-pivot", "do not use pivot root to jail process inside rootfs"),
        .flag("no-new-keyring", "do not create a new session keyring for the container"),
        .value("preserve-fds", "pass N additional file descriptors to the container (stdio + $LISTEN_FDS + N in total)"),
    ]

    /// --preserve-fds N (create, run and exec).
    static func preserveFDs(_ args: ParsedArguments) throws(StrataError) -> Int32 {
        guard let text = args.value("preserve-fds") else { return 0 }
        guard let n = Int32(text), n >= 0 else {
            throw StrataError.message("invalid --preserve-fds value \"\(text)\": want a non-negative number")
        }
        return n
    }

    static func options(_ args: ParsedArguments) throws(StrataError) -> CreateOptions {
        let preserve = try preserveFDs(args)
        return CreateOptions(id: args.positionals[0], bundle: args.value("bundle") ?? ".",
                             consoleSocket: args.value("console-socket"), pidFile: args.value("pid-file"),
                             noPivot: args.has("no-pivot"), noNewKeyring: args.has("no-new-keyring"),
                             preserveFDs: preserve)
    }
}

enum CreateCommand: StrunCommand {
    static let spec = CommandSpec("create", summary: "create a container", arguments: "<container-id>",
                                  options: CreateFlags.options, min: 1, max: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.create(CreateFlags.options(args))
        return 0
    }
}

enum RunCommand: StrunCommand {
    static let spec = CommandSpec("run", summary: "create and run a container", arguments: "<container-id>",
                                  options: CreateFlags.options + [
                                      .flag("detach", short: "d", "detach from the container's process"),
                                      .flag("keep", "do not delete the container after it exits"),
                                      .flag("no-subreaper", "disable the use of the subreaper used to reap reparented processes"),
                                  ], min: 1, max: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.run(CreateFlags.options(args), detach: args.has("detach"), keep: args.has("keep"),
                        subreaper: !args.has("no-subreaper"))
    }
}

enum StartCommand: StrunCommand {
    static let spec = CommandSpec("start", summary: "executes the user defined process in a created container",
                                  arguments: "<container-id>", min: 1, max: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.start(id: args.positionals[0])
        return 0
    }
}

enum KillCommand: StrunCommand {
    static let spec = CommandSpec("kill", summary: "kill sends the specified signal (default: SIGTERM) to the container's init process",
                                  arguments: "<container-id> [signal]",
                                  options: [.flag("all", short: "a", "send the specified signal to all processes inside the container")],
                                  min: 1, max: 2)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        let name = args.positionals.count > 1 ? args.positionals[1] : "SIGTERM"
        // Signal 0 sends nothing: `kill ID 0` is the liveness check clients use (runc
        // accepts it): exit 0 while the init runs, "container not running" after.
        guard let number = name == "0" ? 0 : Signals.parse(name) else {
            throw StrataError.message("unknown signal \"\(name)\"")
        }
        try runtime.kill(id: args.positionals[0], signal: number, all: args.has("all"))
        return 0
    }
}

enum DeleteCommand: StrunCommand {
    static let spec = CommandSpec("delete", summary: "delete any resources held by the container", arguments: "<container-id>",
                                  options: [.flag("force", short: "f", "forcibly delete the container if it is still running (uses SIGKILL)")],
                                  min: 1, max: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        try runtime.delete(id: args.positionals[0], force: args.has("force"))
        return 0
    }
}
