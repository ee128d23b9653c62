#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// What the exec'd process needs, inherited by memory from the single-threaded parent.
struct ExecContext {
    let process: Process
    let joins: [(kind: NamespaceKind, fd: Int32, path: String)]
    let channel: Channel
    let consoleSocketFD: Int32
    let seccomp: SeccompProgram?
    let preserveFDs: Int32
    let signalMask: UInt64
    /// The container's id when its init has a session keyring of its own to join (nil
    /// after `create --no-new-keyring`).
    let keyringOf: String?
}

/// The child side of `exec`: joins the container's namespaces, forks into them, waits
/// until strun placed it in the cgroup, then becomes the process. Never returns; errors
/// go to strun over the channel.
enum ExecChild {
    static func run(_ ctx: ExecContext) -> Never {
        do {
            // Until exec, /proc/PID/exe is the host's strun: no process of the container
            // may open it (CVE-2019-5736). exec makes the process dumpable again.
            Processes.setNonDumpable()
            for join in ctx.joins {
                try sys("setns", "\(join.kind.rawValue) namespace \(join.path)") { strata_setns(join.fd, join.kind.cloneFlag) }
            }
            for join in ctx.joins { closeFD(join.fd) }
            if let id = ctx.keyringOf { try joinKeyring(of: id, inUserNamespace: ctx.joins.contains { $0.kind == .user }) }
            let pid = try Processes.cloneProcess(flags: 0)
            if pid > 0 {
                try ctx.channel.send(.pid(pid))
                Processes.exitNow(0)
            }
        } catch {
            try? ctx.channel.send(.failed(error.description))
            Processes.exitNow(1)
        }
        do {
            try becomeProcess(ctx)
        } catch {
            try? ctx.channel.send(.failed(error.description))
        }
        Processes.exitNow(127)
    }

    /// Leaves the session keyring of whoever ran `exec` for the container's own. In a user
    /// namespace that is done as the container's root, the keyring's owner (runc, too,
    /// becomes root there first); the process's own identity is set at exec as usual.
    /// A namespace that does not map 0 leaves us as we are: the join then makes a new,
    /// empty keyring, which still holds none of the caller's keys.
    private static func joinKeyring(of id: String, inUserNamespace: Bool) throws(StrataError) {
        if inUserNamespace {
            if strata_setresgid(0, 0, 0) != 0 && currentErrno() != EINVAL {
                throw StrataError.system("setresgid", "0")
            }
            if strata_setresuid(0, 0, 0) != 0 && currentErrno() != EINVAL {
                throw StrataError.system("setresuid", "0")
            }
        }
        try SessionKeyring.join(id: id)
    }

    private static func becomeProcess(_ ctx: ExecContext) throws(StrataError) {
        _ = try ctx.channel.expectGo()
        let process = ctx.process
        _ = setsid()
        if process.terminal ?? false {
            try Console.setUp(socketFD: ctx.consoleSocketFD, size: process.consoleSize, mountConsole: false)
        } else if ctx.consoleSocketFD >= 0 {
            closeFD(ctx.consoleSocketFD)
        }
        // rlimits and oom_score_adj were set by strun from the host (see ExecLauncher):
        // making ourselves dumpable for that inside the container's pid namespace would
        // let its processes open our /proc/PID/exe, the host's strun.
        try ProcessExec.enterWorkingDirectory(process)
        let path = try ProcessSetup.resolveExecutable(process.args?.first ?? "", env: process.env ?? [])
        try ctx.seccomp?.installNotifying(over: ctx.channel, noNewPrivileges: process.noNewPrivileges ?? false)
        try ProcessExec.execute(process, path: path, seccomp: ctx.seccomp?.atExec, preserveFDs: ctx.preserveFDs,
                                signalMask: ctx.signalMask)
    }
}
