#if canImport(Glibc)
import Glibc
#endif
import CShim
import StrataSystem
import StrataSpec

/// The last step of both the container's init and an `exec`'d process: drop to the
/// process's identity, install its seccomp filter, and exec the program.
enum ProcessExec {
    /// Never returns on success. `seccomp` is a filter still to install (a notifying one
    /// is installed earlier by its caller).
    static func execute(_ process: Process, path: String, seccomp: SeccompProgram?,
                        preserveFDs: Int32, signalMask: UInt64) throws(StrataError) {
        let env = ProcessSetup.environment(process.env ?? [], uid: UInt32(process.user.uid))
        let args = process.args ?? []
        // Everything that allocates or makes files comes before the seccomp filter.
        let cEnv = env.map { strdup($0) } + [nil]
        let cArgs = args.map { strdup($0) } + [nil]
        // Through the sealed exec stub, so that /proc/self/exe never names the host's
        // strun at the moment the user's program is exec'd (CVE-2019-5736).
        // STRUN_BENCH_NO_EXEC_STUB exists only so that scripts/bench.sh can measure what
        // the stub costs; nothing else sets it.
        let stub = getenv("STRUN_BENCH_NO_EXEC_STUB") == nil ? strata_exec_stub_fd() : -1
        let stubArgs = (["strata-exec", path] + args).map { strdup($0) } + [nil]
        try Descriptors.closeOnExec(from: 3 + preserveFDs)
        try SecurityModules.applyOnExec(process)
        try becomeProcess(process, seccomp: seccomp, signalMask: signalMask)
        if stub >= 0 {
            _ = strata_execveat_empty(stub, stubArgs, cEnv)
            // A kernel policy against executing memfds (vm.memfd_noexec) lands here.
            closeFD(stub)
        }
        execve(path, cArgs, cEnv)
        throw StrataError.message("exec: \"\(args.first ?? "")\": \(errnoString(currentErrno()))")
    }

    /// umask, signals, seccomp and identity: what turns init into the user's process, for
    /// an exec and for a Wasm module that runs in the init itself.
    static func becomeProcess(_ process: Process, seccomp: SeccompProgram?, signalMask: UInt64) throws(StrataError) {
        umask(mode_t(process.user.umask ?? 0o022))
        Signals.resetDispositions()
        Signals.setBlocked(signalMask)
        // The filter goes in as late as it can, so that as few of our own syscalls as
        // possible pass through it: without no_new_privs installing it needs
        // CAP_SYS_ADMIN, so before the capabilities are dropped; with it, after.
        let noNewPrivileges = process.noNewPrivileges ?? false
        if let seccomp, !noNewPrivileges { _ = try seccomp.install() }
        do {
            try ProcessSetup.applyIdentity(user: process.user, capabilities: process.capabilities,
                                           noNewPrivileges: noNewPrivileges)
        } catch {
            // Under an allow-list that lacks (or misspells) a call the identity switch
            // makes, the error alone would not say why a plain setresuid failed.
            throw seccomp != nil && !noNewPrivileges
                ? error.within("with the container's seccomp filter (linux.seccomp) installed") : error
        }
        if let seccomp, noNewPrivileges { _ = try seccomp.install() }
    }

    /// chdir to the process's cwd, which must lie inside the root we are in: a cwd reached
    /// through a descriptor of the host (/proc/self/fd/N, CVE-2024-21626) does not, and
    /// getcwd reports such a directory as unreachable.
    static func enterWorkingDirectory(_ process: Process) throws(StrataError) {
        let cwd = process.cwd.isEmpty ? "/" : process.cwd
        if chdir(cwd) != 0 {
            throw StrataError.system("chdir", "process cwd \(cwd)")
        }
        var buf = [CChar](repeating: 0, count: 4096)
        if getcwd(&buf, buf.count) == nil || buf[0] != CChar(UInt8(ascii: "/")) {
            throw StrataError("chdir", "process cwd \(cwd)", reason: "the directory is outside the container's root")
        }
    }
}
