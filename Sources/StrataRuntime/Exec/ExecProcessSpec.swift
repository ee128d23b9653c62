import StrataSystem
import StrataSpec

/// The process `exec` starts: from `-p process.json`, or the container's own process with
/// the command line's arguments and overrides, as runc builds it.
enum ExecProcessSpec {
    static func make(_ options: ExecOptions, container spec: Spec) throws(StrataError) -> Process {
        if let file = options.processFile {
            let bytes = try Files.read(file)
            let process: Process
            do { process = try Process.load(fromJSON: bytes) } catch {
                throw StrataError.message("\(file): \(error.description)")
            }
            try validate(process, source: file)
            return process
        }
        guard var process = spec.process else {
            throw StrataError("exec", options.id, reason: "the container's config has no process to take defaults from")
        }
        process.args = options.args
        if let cwd = options.cwd { process.cwd = cwd }
        if !options.env.isEmpty { process.env = merged(process.env ?? [], options.env) }
        process.terminal = options.tty
        if options.noNewPrivileges { process.noNewPrivileges = true }
        if let profile = options.apparmorProfile { process.apparmorProfile = profile }
        if let label = options.processLabel { process.selinuxLabel = label }
        if let user = options.user { try apply(user: user, to: &process) }
        if !options.additionalGids.isEmpty {
            var gids: [UInt32] = []
            for text in options.additionalGids {
                guard let gid = UInt32(text) else {
                    throw StrataError.message("invalid --additional-gids value \"\(text)\": want a number")
                }
                gids.append(gid)
            }
            process.user.additionalGids = gids
        }
        if !options.capabilities.isEmpty {
            var caps = process.capabilities ?? LinuxCapabilities()
            for name in options.capabilities {
                let cap = name.uppercased().hasPrefix("CAP_") ? name.uppercased() : "CAP_" + name.uppercased()
                guard Capabilities.number(of: cap) != nil else {
                    throw StrataError.message("invalid --cap value \"\(name)\": unknown capability")
                }
                caps.bounding = (caps.bounding ?? []) + [cap]
                caps.effective = (caps.effective ?? []) + [cap]
                caps.permitted = (caps.permitted ?? []) + [cap]
                // Ambient needs inheritable, which --cap does not add: only where the
                // config already has inheritable capabilities (runc's rule).
                if caps.inheritable != nil { caps.ambient = (caps.ambient ?? []) + [cap] }
            }
            process.capabilities = caps
        }
        try validate(process, source: "exec arguments")
        return process
    }

    /// `uid[:gid]`, numbers only (runc's form).
    static func apply(user: String, to process: inout Process) throws(StrataError) {
        let parts = user.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= 2, let uid = UInt32(parts[0]) else {
            throw StrataError.message("invalid --user value \"\(user)\": want uid[:gid]")
        }
        process.user.uid = uid
        if parts.count == 2 {
            guard let gid = UInt32(parts[1]) else {
                throw StrataError.message("invalid --user value \"\(user)\": want uid[:gid]")
            }
            process.user.gid = gid
        }
    }

    /// The container's environment with `extra` applied: a key given again replaces the
    /// earlier value in place, so that getenv sees the newest one.
    static func merged(_ base: [String], _ extra: [String]) -> [String] {
        var out = base
        for entry in extra {
            let key = entry.split(separator: "=", maxSplits: 1).first.map(String.init) ?? entry
            if let i = out.firstIndex(where: { $0 == key || $0.hasPrefix(key + "=") }) {
                out[i] = entry
            } else {
                out.append(entry)
            }
        }
        return out
    }

    private static func validate(_ process: Process, source: String) throws(StrataError) {
        if (process.args ?? []).isEmpty {
            throw StrataError("exec", source, reason: "args must not be empty")
        }
        if !process.cwd.isEmpty && !process.cwd.hasPrefix("/") {
            throw StrataError("exec", source, reason: "cwd \"\(process.cwd)\" is not an absolute path")
        }
        for (index, entry) in (process.env ?? []).enumerated() {
            if let problem = SpecValidator.environmentProblem(entry) {
                throw StrataError("exec", source, reason: "env[\(index)]: \(problem)")
            }
        }
    }
}
