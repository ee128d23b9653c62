/// The `create` (and `run`) flags that shape a new container.
public struct CreateOptions: Sendable {
    public var id: String
    public var bundle: String
    public var consoleSocket: String?
    public var pidFile: String?
    public var noPivot: Bool
    public var noNewKeyring: Bool
    public var preserveFDs: Int32
    /// `run` in the foreground: signals are blocked here for forwarding, and the child
    /// restores the caller's mask before exec.
    public var foreground: Bool
    /// The caller's signal mask, restored in the child before exec (foreground only).
    var restoreMask: UInt64 = 0
    /// `run` without --no-subreaper: reparented processes are reaped here.
    var subreaper = true
    /// A socket the pty master is sent to instead of --console-socket (foreground tty).
    var consoleFD: Int32 = -1

    public init(id: String, bundle: String, consoleSocket: String? = nil, pidFile: String? = nil,
                noPivot: Bool = false, noNewKeyring: Bool = false, preserveFDs: Int32 = 0, foreground: Bool = false) {
        self.id = id
        self.bundle = bundle
        self.consoleSocket = consoleSocket
        self.pidFile = pidFile
        self.noPivot = noPivot
        self.noNewKeyring = noNewKeyring
        self.preserveFDs = preserveFDs
        self.foreground = foreground
    }
}
