import StrataSystem
import StrataSpec
import StrataCgroups

extension Runtime {
    /// `strun ps ID`: the host pids of every process in the container's cgroup, in the
    /// order the kernel lists them.
    public func pids(id: String) throws(StrataError) -> [Int32] {
        try ContainerID.validate(id)
        let record = try store.load(id)
        let manager = try CgroupSetup.manager(path: record.cgroupsPath, id: record.id)
        do { return try manager.pids() } catch { throw error.within("list processes of container \(id)") }
    }
}

extension Runtime {
    /// `strun ps ID [ps options]`: the host's `ps` output (with `-ef` by default) cut
    /// down to the header and the container's processes, found by the PID column.
    public func psTable(id: String, psArguments: [String]) throws(StrataError) -> String {
        let inside = Set(try pids(id: id))
        let (status, output) = try Capture.run(["ps"] + (psArguments.isEmpty ? ["-ef"] : psArguments))
        let text = String(decoding: output, as: UTF8.self)
        guard status == .exited(0) else {
            throw StrataError("run", "ps " + psArguments.joined(separator: " "), reason: "\(status): \(text)")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first,
              let column = header.split(separator: " ").firstIndex(of: "PID") else {
            throw StrataError.message("couldn't find PID field in ps output")
        }
        var out = String(header) + "\n"
        for line in lines.dropFirst() {
            let fields = line.split(separator: " ")
            if column < fields.count, let pid = Int32(fields[column]), inside.contains(pid) {
                out += line + "\n"
            }
        }
        return out
    }
}
