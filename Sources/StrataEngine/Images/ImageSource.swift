/// What the engine needs from an image store (the images track's StrataImage, wired in by a
/// small adapter): the runtime config and the unpacked layers, bottom-most first. Kept here
/// as a protocol so the engine builds and is tested before that module is merged; `--rootfs`
/// is the only source until then.
public protocol EngineImageSource {
    func lookup(_ reference: String) throws -> EngineImage
}

/// The fields of the images contract's StoredImage + ImageRuntimeConfig that the bundle uses.
public struct EngineImage: Sendable, Equatable {
    public var id: String
    public var entrypoint: [String]?
    public var cmd: [String]?
    public var env: [String]
    public var workingDir: String?
    public var user: String?
    public var volumes: [String]
    public var exposedPorts: [String]
    public var stopSignal: String?
    public var labels: [String: String]
    /// Lower layer directories, bottom-most first (overlayfs lowerdir is top:…:bottom).
    public var layerDirectories: [String]

    public init(id: String, entrypoint: [String]?, cmd: [String]?, env: [String], workingDir: String?, user: String?,
                volumes: [String], exposedPorts: [String], stopSignal: String?, labels: [String: String],
                layerDirectories: [String]) {
        self.id = id
        self.entrypoint = entrypoint
        self.cmd = cmd
        self.env = env
        self.workingDir = workingDir
        self.user = user
        self.volumes = volumes
        self.exposedPorts = exposedPorts
        self.stopSignal = stopSignal
        self.labels = labels
        self.layerDirectories = layerDirectories
    }

    /// Docker's rule: the command is Entrypoint + (the given args, else Cmd).
    public func command(overriding args: [String]) -> [String] {
        (entrypoint ?? []) + (args.isEmpty ? (cmd ?? []) : args)
    }
}
