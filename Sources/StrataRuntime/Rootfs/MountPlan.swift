import StrataSpec
import StrataSystem

/// One config mount, with its options decoded into mount(2) terms.
struct PlannedMount {
    let destination: String
    let type: String
    let source: String
    /// MS_* flags for the first mount call.
    let flags: UInt
    /// Propagation changes (MS_SHARED, MS_PRIVATE, ... possibly | MS_REC), applied after.
    let propagation: [UInt]
    let data: String
    let recursiveSet: UInt64
    let recursiveClear: UInt64
    let tmpcopyup: Bool
    let idmapped: Bool
    var isBind: Bool { flags & Mounts.bind != 0 }

    init(_ mount: Mount, bundle: String) {
        let options = MountOptionParser.parse(mount.options ?? [])
        var flags = options.flags
        let type = mount.type ?? (options.flags & Mounts.bind != 0 ? "bind" : "none")
        if type == "bind" { flags |= Mounts.bind }
        self.type = type
        self.flags = flags
        self.propagation = options.propagation
        self.data = options.data
        self.recursiveSet = options.recursiveSet
        self.recursiveClear = options.recursiveClear
        self.tmpcopyup = options.tmpcopyup
        self.idmapped = options.idmapped
        self.destination = mount.destination.hasPrefix("/") ? mount.destination : "/" + mount.destination
        var source = mount.source ?? ""
        // runc resolves relative bind sources against the bundle.
        if flags & Mounts.bind != 0 && !source.isEmpty && !source.hasPrefix("/") {
            source = Paths.clean(bundle + "/" + source)
        }
        self.source = source
    }
}
