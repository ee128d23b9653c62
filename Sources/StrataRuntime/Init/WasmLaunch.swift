#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataWasm

/// The last step of an init that runs a module: it becomes the user's process as an exec
/// would (umask, signals, seccomp, identity), without the exec, and runs the module.
enum WasmLaunch {
    static func run(_ ctx: InitContext, _ program: WasmProgram) throws(StrataError) -> Never {
        // `start` waits for this fd to vanish, which for a native program is the exec.
        closeFD(ctx.fifoFD)
        // The wait for `start` touched code that running the module does not need (see
        // Workload.prepare). Before becomeProcess: the config's seccomp filter, installed
        // there, need not allow madvise.
        Processes.releaseCodePages()
        try ProcessExec.becomeProcess(ctx.process, seccomp: ctx.seccomp?.atExec, signalMask: ctx.signalMaskToRestore)
        // While the module runs, /proc/<init>/exe names the host's strun. Non-dumpable, only
        // a process with CAP_SYS_PTRACE over the host's user namespace may open it
        // (CVE-2019-5736). setUp made us so, but a uid change resets that to
        // fs.suid_dumpable: say it again, and run nothing if it did not hold.
        Processes.setNonDumpable()
        if Processes.isDumpable {
            throw StrataError("prctl", "PR_SET_DUMPABLE", reason: "the init must stay non-dumpable while a wasm module runs (CVE-2019-5736)")
        }
        endOnTerminationSignals()
        Processes.exitNow(program.run())
    }

    /// A module cannot handle signals, and as pid 1 of its namespace the kernel drops any
    /// signal it has no handler for: `kill`, `docker stop` or `podman stop` would all have
    /// to wait for SIGKILL. So these end it as they end an ordinary process, with 128+n.
    private static func endOnTerminationSignals() {
        for sig in [SIGTERM, SIGINT, SIGHUP, SIGQUIT] {
            signal(sig) { received in _exit(128 + received) }
        }
    }
}
