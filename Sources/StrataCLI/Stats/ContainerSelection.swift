import StrataRuntimeClient
import StrataMetrics
import StrataSystem

/// The containers `strata stats ID...` names: each ID is a whole id or, as with Docker, a
/// prefix that matches one container only. The order is the listing's.
enum ContainerSelection {
    static func select(_ wanted: [String], from containers: [ListedContainer], roots: String)
        throws(StrataError) -> [ListedContainer] {
        var chosen: [ListedContainer] = []
        var missing: [String] = []
        for want in wanted {
            let exact = containers.filter { $0.id == want }
            let matches = exact.isEmpty ? containers.filter { $0.id.hasPrefix(want) } : exact
            if matches.isEmpty { missing.append(want); continue }
            let distinct = Set(matches.map(\.id))
            if distinct.count > 1 {
                throw StrataError("find container", want, reason: "the prefix matches \(distinct.count) containers ("
                                  + distinct.sorted().map(DisplayID.short).joined(separator: ", ") + "): give more of the id")
            }
            chosen += matches
        }
        if !missing.isEmpty {
            throw StrataError("find container", missing.joined(separator: ", "),
                              reason: "no such running container under \(roots)")
        }
        return containers.filter { c in chosen.contains { $0.id == c.id && $0.root == c.root } }
    }
}

/// Ids as tables show them: a 64-character hex id (Docker's, containerd's, Podman's) cut to
/// its first 12 characters as `docker ps` does; any other id (a name) whole.
enum DisplayID {
    static func short(_ id: String) -> String {
        guard id.utf8.count == 64, id.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || ($0 >= 97 && $0 <= 102) }) else { return id }
        return String(id.prefix(12))
    }
}
