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
        let sock = try sys("socket", object) { socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0) }
        defer { closeFD(sock) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard bytes.count < capacity else {
            throw StrataError("connect", object, reason: "path longer than \(capacity - 1) bytes")
        }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
        }
        let rc = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(sock, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        if rc != 0 { throw StrataError.system("connect", object) }
        try Channel(fd: sock).send(message.jsonBytes(), passing: listenerFD)
    }
}
