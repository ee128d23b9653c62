extension LinuxResources {
    /// Decodes a `linux.resources` object on its own, as `update -r FILE` takes it, with
    /// the same rules as `Spec.load(fromJSON:)`.
    public static func load(fromJSON bytes: [UInt8]) throws(SpecError) -> LinuxResources {
        try JSONReader.decodeDocument(LinuxResources.self, from: bytes)
    }
}

extension Process {
    /// Decodes a process object on its own, as `exec -p process.json` takes it.
    public static func load(fromJSON bytes: [UInt8]) throws(SpecError) -> Process {
        try JSONReader.decodeDocument(Process.self, from: bytes)
    }
}
