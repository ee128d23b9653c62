import StrataSystem

/// A container's cgroup directory that exists before `create` makes it: left by a create
/// that was killed, made by a tool in advance, or another container's. runc's rule: an
/// empty, thawed cgroup is reused (and set up like a new one); one that holds processes
/// or is frozen is refused, naming the directory, since it is not this container's.
enum CgroupReuse {
    static func check(_ dir: String, pids: [Int32], frozen: Bool) throws(StrataError) {
        if !pids.isEmpty {
            throw StrataError("reuse cgroup", dir,
                              reason: "container's cgroup is not empty: \(pids.count) process(es) found")
        }
        if frozen {
            throw StrataError("reuse cgroup", dir, reason: "container's cgroup unexpectedly frozen")
        }
    }
}
