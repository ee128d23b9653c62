/// Decides whether a container's process runs as a WebAssembly module, by the conventions
/// crun and youki accept, so that images and clients made for them work unchanged.
public enum WasmTrigger {
    /// What the annotations alone decide; `.ifModule` leaves it to the entrypoint's bytes.
    public enum Decision: Equatable, Sendable {
        case wasm
        case native
        /// Run as Wasm only when the resolved entrypoint starts with `\0asm`.
        case ifModule
    }

    /// The first four bytes of every binary Wasm module.
    public static let magic: [UInt8] = [0x00, 0x61, 0x73, 0x6d]

    /// The annotations a client sets to ask for the Wasm handler.
    public static let handlerKey = "run.oci.handler"
    public static let variantKey = "module.wasm.image/variant"

    /// Decides from the config's annotations and `process.args[0]`.
    ///
    /// - `run.oci.handler=wasm` and `module.wasm.image/variant=compat` always select Wasm;
    /// - their `-smart` forms only for an entrypoint named `*.wasm` or `*.wat` (otherwise
    ///   the process runs natively unless its bytes say it is a module);
    /// - a Kubernetes sandbox (pause) container is never Wasm.
    public static func decide(annotations: [String: String]?, entrypoint: String) -> Decision {
        let annotations = annotations ?? [:]
        if isSandbox(annotations) { return .native }
        let handler = annotations[handlerKey]
        let variant = annotations[variantKey]
        if handler == "wasm" || variant == "compat" { return .wasm }
        if (handler == "wasm-smart" || variant == "compat-smart") && hasModuleExtension(entrypoint) {
            return .wasm
        }
        return .ifModule
    }

    /// The pause container of a Kubernetes pod, as containerd's CRI and CRI-O mark it.
    public static func isSandbox(_ annotations: [String: String]) -> Bool {
        annotations["io.kubernetes.cri.container-type"] == "sandbox"
            || annotations["io.kubernetes.cri-o.ContainerType"] == "sandbox"
    }

    static func hasModuleExtension(_ path: String) -> Bool {
        path.hasSuffix(".wasm") || path.hasSuffix(".wat")
    }

    /// True when `prefix` (the first bytes of a file) is the binary module magic.
    public static func isModule(prefix: some Collection<UInt8>) -> Bool {
        prefix.count >= 4 && Array(prefix.prefix(4)) == magic
    }
}
