import StrataSystem
import StrataSpec

/// The spec module's mount-option table, turned into what `MountApplier` executes.
enum MountOptionParser {
    struct Parsed {
        var flags: UInt
        var propagation: [UInt]
        var data: String
        /// MOUNT_ATTR_* bits applied recursively with mount_setattr (`rro`, `rnosuid`, ...).
        var recursiveSet: UInt64
        var recursiveClear: UInt64
        var tmpcopyup: Bool
        var idmapped: Bool
    }

    /// Every option name `features` reports.
    static var supportedNames: [String] {
        Array(MountOptions.knownNames).filter { $0 != "idmap" && $0 != "ridmap" && $0 != "tmpcopyup" }.sorted()
    }

    static func parse(_ options: [String]) -> Parsed {
        let p = parseMountOptions(options)
        return Parsed(flags: p.flags & ~p.clearedFlags, propagation: p.propagationFlags, data: p.data,
                      recursiveSet: p.recursiveAttrSet, recursiveClear: p.recursiveAttrClear,
                      tmpcopyup: p.tmpcopyup, idmapped: p.idmap != nil)
    }
}
