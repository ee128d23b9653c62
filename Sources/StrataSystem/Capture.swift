#if canImport(Glibc)
import Glibc
#endif
import CShim

/// Runs a helper program found in PATH and collects what it prints.
public enum Capture {
    /// posix_spawnp of `argv` with stdout and stderr into one pipe; returns the exit status
    /// and the combined output. For short-lived tools (`ps`), not for container processes.
    public static func run(_ argv: [String]) throws(StrataError) -> (status: ExitStatus, output: [UInt8]) {
        guard let program = argv.first else { throw StrataError("run", "helper", reason: "no program given") }
        var fds: [Int32] = [-1, -1]
        try sys("pipe", program) { strata_pipe2(&fds, O_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
        posix_spawn_file_actions_adddup2(&actions, fds[1], 2)
        let cArgs = argv.map { strdup($0) } + [nil]
        defer { for p in cArgs { free(p) } }
        var pid: pid_t = 0
        let rc = posix_spawnp(&pid, program, &actions, nil, cArgs, environ)
        close(fds[1])
        defer { close(fds[0]) }
        if rc != 0 { throw StrataError.system("exec", program, errno: rc) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            if n > 0 { output += chunk[0..<n]; continue }
            if n < 0 && currentErrno() == EINTR { continue }
            break
        }
        guard let (_, status) = try Processes.wait(pid) else {
            throw StrataError("wait", program, reason: "no status")
        }
        return (status, output)
    }
}
