import StrataSystem

/// The cgroups a process belongs to, from /proc/PID/cgroup: one line per hierarchy,
/// `ID:CONTROLLERS:PATH`, with `0::PATH` for cgroup2.
public struct CgroupMembership: Sendable, Equatable {
    /// Path per v1 hierarchy, keyed by its sorted controller list joined with ",".
    public var v1: [String: String]
    /// Path in the cgroup2 hierarchy, when the line is present.
    public var unified: String?

    public init(v1: [String: String], unified: String?) {
        self.v1 = v1
        self.unified = unified
    }

    /// The calling process's cgroups: relative cgroupsPaths resolve against these, as runc
    /// does (its own cgroup, not init's, so a runtime run inside a container stays inside).
    public static func current() throws(StrataError) -> CgroupMembership {
        parse(try Files.readText("/proc/self/cgroup"))
    }

    public static func parse(_ text: String) -> CgroupMembership {
        var v1: [String: String] = [:]
        var unified: String?
        for line in text.split(separator: "\n") {
            // The path itself may contain ':', so split off only the first two fields.
            guard let first = line.firstIndex(of: ":") else { continue }
            let rest = line[line.index(after: first)...]
            guard let second = rest.firstIndex(of: ":") else { continue }
            let controllers = rest[..<second]
            let path = String(rest[rest.index(after: second)...])
            if line[..<first] == "0" && controllers.isEmpty {
                unified = path
            } else {
                v1[key(controllers.split(separator: ",").map(String.init))] = path
            }
        }
        return CgroupMembership(v1: v1, unified: unified)
    }

    /// The path of the process in `hierarchy`, or "/" when /proc does not list it.
    public func path(in hierarchy: V1Hierarchy) -> String {
        v1[Self.key(hierarchy.controllers)] ?? "/"
    }

    static func key(_ controllers: [String]) -> String { controllers.sorted().joined(separator: ",") }
}
