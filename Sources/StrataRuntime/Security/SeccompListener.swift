#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// The runtime's side of seccomp notify: hands the init's listener fd and the container
/// process state to the agent at `listenerPath`, once, during create (as runc does).
enum SeccompListener {
    /// `processPid` is the filtered process: the init at create, the new process at exec.
    static func send(listenerFD: Int32, to path: String, metadata: String?, record: ContainerRecord,
                     processPid: Int32? = nil) throws(StrataError) {
        let object = "seccomp listener \(path)"
        let message = ContainerProcessState(
            ociVersion: record.ociVersion, fds: ["seccompFd"], pid: Int(processPid ?? record.pid),
            metadata: metadata ?? "", state: StateView.state(record, status: processPid == nil ? .creating : .running))
        let sock = try UnixSocket.connect(path, object: object)
        defer { closeFD(sock) }
        try Channel(fd: sock).send(message.jsonBytes(), passing: listenerFD)
    }
}
