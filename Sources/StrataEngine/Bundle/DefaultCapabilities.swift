import StrataSpec
import StrataSystem

/// Docker's default capability set: what an engine container gets unless --cap-add or
/// --cap-drop says otherwise.
public enum DefaultCapabilities {
    public static let docker = [
        "CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
        "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
        "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE",
    ]

    /// "net_admin", "NET_ADMIN" or "CAP_NET_ADMIN" as CAP_NET_ADMIN; "ALL" stays ALL.
    public static func normalize(_ name: String) -> String {
        let upper = name.uppercased()
        if upper == "ALL" { return upper }
        return upper.hasPrefix("CAP_") ? upper : "CAP_" + upper
    }

    /// The default set with drops, then adds, applied in Docker's order (drop ALL first).
    public static func apply(add: [String], drop: [String]) throws(StrataError) -> [String] {
        let adds = add.map(normalize)
        let drops = drop.map(normalize)
        for name in adds + drops where name != "ALL" && Capabilities.number(of: name) == nil {
            throw StrataError("parse", "capability \(name)", reason: "unknown capability")
        }
        var set = drops.contains("ALL") ? [] : docker.filter { !drops.contains($0) }
        if adds.contains("ALL") {
            set = Capabilities.names
        } else {
            for name in adds where !set.contains(name) { set.append(name) }
        }
        return set
    }
}
