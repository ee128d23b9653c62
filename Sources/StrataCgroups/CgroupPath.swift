import StrataSystem

/// A container's OCI `linux.cgroupsPath`, checked and normalised.
///
/// Resolution follows runc 1.1 with its cgroupfs driver: an absolute path is taken from
/// the root of each hierarchy; a relative path, and the default used when it is empty
/// (the container id), go under the runtime's own cgroup in that hierarchy. With runc on a
/// host where the runtime's memory cgroup is `/a/b` and its other cgroups `/`, an empty
/// cgroupsPath for container `c` yields memory `/a/b/c` and `/c` everywhere else.
public struct CgroupPath: Sendable, Equatable {
    /// What the components are relative to.
    public enum Base: Sendable, Equatable {
        /// The root of each hierarchy (the path was absolute).
        case hierarchyRoot
        /// The runtime's own cgroup in each hierarchy (relative or empty path).
        case ownCgroup
    }

    public var base: Base
    /// Cleaned path components: never empty, never "." or "..".
    public var components: [String]

    /// Parses `cgroupsPath`; an empty one means `containerID` under the own cgroup.
    /// Throws when the path climbs out of its base with "..", or names the root itself.
    public init(_ cgroupsPath: String, containerID: String) throws(StrataError) {
        let text = cgroupsPath.isEmpty ? containerID : cgroupsPath
        base = text.hasPrefix("/") ? .hierarchyRoot : .ownCgroup
        var parts: [String] = []
        for part in text.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else {
                    throw StrataError("resolve cgroup path", text, reason: "\"..\" escapes the cgroup root")
                }
                parts.removeLast()
                continue
            }
            parts.append(String(part))
        }
        guard !parts.isEmpty else {
            throw StrataError("resolve cgroup path", text.isEmpty ? "\"\"" : text,
                              reason: "names a cgroup root, not a container cgroup")
        }
        components = parts
    }

    /// The components joined with "/", without a leading slash.
    public var relativePath: String { components.joined(separator: "/") }

    /// The cgroup path as the kernel shows it in /proc/PID/cgroup, given the runtime's own
    /// cgroup in that hierarchy.
    public func cgroup(own: String) -> String {
        switch base {
        case .hierarchyRoot: return "/" + relativePath
        case .ownCgroup: return Paths.join(own.isEmpty ? "/" : own, relativePath)
        }
    }

    /// The directory of this cgroup in a hierarchy mounted at `mountPoint` showing cgroup
    /// `mountRoot` there, for a runtime whose own cgroup in it is `own`.
    public func directory(mountPoint: String, mountRoot: String, own: String) -> String {
        switch base {
        case .hierarchyRoot:
            // Like runc: an absolute path starts at the mount point whatever the mount root.
            return Paths.join(mountPoint, relativePath)
        case .ownCgroup:
            return Paths.join(Paths.join(mountPoint, Self.strip(root: mountRoot, from: own)), relativePath)
        }
    }

    /// `own` seen from the mount: a bind mount of `/docker/x` at the mount point shows
    /// the own cgroup `/docker/x/y` as `/y`.
    static func strip(root: String, from own: String) -> String {
        if root == "/" || root.isEmpty { return own }
        if own == root { return "/" }
        if own.hasPrefix(root + "/") { return String(own.dropFirst(root.count)) }
        return own
    }
}
