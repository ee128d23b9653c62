/// `strun exec`'s flags, as runc takes them.
public struct ExecOptions: Sendable {
    public var id: String
    /// `-p FILE`: the whole process from a process.json; the flags below then do not apply.
    public var processFile: String?
    /// The command and its arguments, when no process file is given.
    public var args: [String]
    /// `--env KEY=VALUE`, added to the container's environment (a repeated key wins).
    public var env: [String] = []
    public var cwd: String?
    /// `--user uid[:gid]`.
    public var user: String?
    public var additionalGids: [String] = []
    /// `--cap NAME`: added to the bounding, effective and permitted sets.
    public var capabilities: [String] = []
    public var noNewPrivileges = false
    public var apparmorProfile: String?
    public var processLabel: String?
    public var tty = false
    public var consoleSocket: String?
    public var detach = false
    public var pidFile: String?
    public var preserveFDs: Int32 = 0
    public var ignorePaused = false

    public init(id: String, args: [String]) {
        self.id = id
        self.args = args
    }
}
