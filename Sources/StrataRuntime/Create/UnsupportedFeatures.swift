import StrataSystem
import StrataSpec

/// What a config may ask for that this host or this strun cannot give. Each is refused
/// before anything is made: silently running without the confinement the caller asked for
/// would be worse than failing.
enum UnsupportedFeatures {
    static func check(_ spec: Spec, bundle: String) throws(StrataError) {
        try SecurityModules.check(spec, file: bundle + "/config.json")
    }

    /// Capability names this kernel does not have: skipped (as runc does), with a warning
    /// naming each, so a config written for a newer kernel still runs.
    static func capabilitiesUnknownToKernel(_ capabilities: LinuxCapabilities?) -> [String] {
        guard let capabilities else { return [] }
        let last = ProcessSetup.lastCapability
        let all = [capabilities.bounding, capabilities.effective, capabilities.permitted,
                   capabilities.inheritable, capabilities.ambient].compactMap { $0 }.joined()
        var seen = Set<String>()
        return all.filter { name in
            guard let n = Capabilities.number(of: name), n > last else { return false }
            return seen.insert(name).inserted
        }
    }
}
