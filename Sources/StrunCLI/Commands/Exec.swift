import StrataSystem
import StrataRuntime

enum ExecCommand: StrunCommand {
    static let spec = CommandSpec(
        "exec", summary: "execute new process inside the container",
        arguments: "<container-id> <command> [command options]  ||  -p process.json <container-id>",
        options: [
            .value("console-socket", "path to an AF_UNIX socket which will receive a file descriptor referencing the master end of the console's pseudoterminal"),
            .value("cwd", "current working directory in the container"),
            .value("env", short: "e", "set environment variables (repeatable)"),
            .flag("tty", short: "t", "allocate a pseudo-TTY"),
            .value("user", short: "u", "UID (format: <uid>[:<gid>])"),
            .value("additional-gids", short: "g", "additional gids (repeatable)"),
            .value("process", short: "p", "path to the process.json"),
            .flag("detach", short: "d", "detach from the container's process"),
            .value("pid-file", "specify the file to write the process id to"),
            .value("process-label", "set the asm process label for the process commonly used with selinux"),
            .value("apparmor", "set the apparmor profile for the process"),
            .flag("no-new-privs", "set the no new privileges value for the process"),
            .value("cap", short: "c", "add a capability to the bounding set for the process (repeatable)"),
            .value("preserve-fds", "pass N additional file descriptors to the container (stdio + $LISTEN_FDS + N in total)"),
            .flag("ignore-paused", "allow exec in a paused container"),
            .value("cgroup", "run the process in a sub-cgroup (not supported: refused)"),
        ],
        min: 1, max: 1, rawAfter: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        var options = ExecOptions(id: args.positionals[0], args: Array(args.positionals.dropFirst()))
        options.processFile = args.value("process")
        if options.processFile == nil && options.args.isEmpty {
            throw StrataError.message("exec requires a command, or a process.json with -p: see 'strun exec --help'")
        }
        if args.value("cgroup") != nil {
            throw StrataError.message("exec --cgroup is not supported yet: the process joins the container's cgroup")
        }
        options.env = args.all("env")
        options.cwd = args.value("cwd")
        options.user = args.value("user")
        options.additionalGids = args.all("additional-gids")
        options.capabilities = args.all("cap")
        options.noNewPrivileges = args.has("no-new-privs")
        options.apparmorProfile = args.value("apparmor")
        options.processLabel = args.value("process-label")
        options.tty = args.has("tty")
        options.consoleSocket = args.value("console-socket")
        options.detach = args.has("detach")
        options.pidFile = args.value("pid-file")
        options.ignorePaused = args.has("ignore-paused")
        options.preserveFDs = try CreateFlags.preserveFDs(args)
        return try runtime.exec(options)
    }
}
