/// What a runtime sends to a seccomp agent at `linux.seccomp.listenerPath` (runtime-spec
/// "containerProcessState"), together with the fds it names as SCM_RIGHTS.
public struct ContainerProcessState: Sendable, Hashable {
    public var ociVersion: String
    /// The names of the passed fds, in order: `["seccompFd"]`.
    public var fds: [String]
    /// The container process's pid, as the runtime sees it.
    public var pid: Int
    /// `linux.seccomp.listenerMetadata`, passed through opaquely.
    public var metadata: String
    public var state: ContainerState

    public init(ociVersion: String, fds: [String], pid: Int, metadata: String, state: ContainerState) {
        self.ociVersion = ociVersion
        self.fds = fds
        self.pid = pid
        self.metadata = metadata
        self.state = state
    }

    public func jsonBytes() -> [UInt8] {
        var writer = ObjectWriter()
        writer.add("ociVersion", ociVersion)
        writer.add("fds", fds)
        writer.add("pid", pid)
        writer.add("metadata", metadata)
        writer.add("state", state)
        return writer.output.bytes(pretty: false)
    }
}

extension LinuxSeccomp {
    /// The section as compact JSON, members in a fixed order: a stable key for a compiled filter.
    public func jsonBytes() -> [UInt8] {
        jsonOutput.bytes(pretty: false)
    }
}
