import StrataSpec
import StrataSystem

/// The OCI state that hooks run from inside the container receive on stdin.
enum InitState {
    /// Our pid as the host sees it: read before the container's /proc hides the host's.
    nonisolated(unsafe) static var hostPid: Int32 = 0

    static func json(_ ctx: InitContext, status: String) -> [UInt8] {
        let state = ContainerState(ociVersion: ctx.spec.ociVersion, id: ctx.id, pid: Int(hostPid), status: ContainerStatus(rawValue: status) ?? .created,
                                   bundle: ctx.bundle, annotations: ctx.spec.annotations)
        return state.jsonBytes()
    }
}
