#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec
import StrataWasm

/// What the init runs once `start` releases it: a program it execs, or a WebAssembly
/// module it runs itself with WasmKit.
enum Workload {
    case native(path: String)
    case wasm(WasmProgram)

    /// Resolves `process.args[0]` inside the new root and picks the handler (see
    /// `WasmTrigger`). A module is loaded and checked here, before `ready`, so that a bad
    /// one fails `create` naming the module and the import, and before seccomp applies.
    static func prepare(_ ctx: InitContext) throws(StrataError) -> Workload {
        let entrypoint = ctx.process.args?.first ?? ""
        let env = ctx.process.env ?? []
        let path: String
        switch WasmTrigger.decide(annotations: ctx.spec.annotations, entrypoint: entrypoint) {
        case .native:
            return .native(path: try ProcessSetup.resolveExecutable(entrypoint, env: env))
        case .ifModule:
            // Resolved now so that a missing binary fails `create`, as with runc.
            path = try ProcessSetup.resolveExecutable(entrypoint, env: env)
            if !startsWithModuleMagic(path) { return .native(path: path) }
        case .wasm:
            path = try ProcessSetup.resolveExecutable(entrypoint, env: env, executable: false)
        }
        try refuseExecOnlySettings(ctx.process)
        // A module runs inside this process, on top of every page of strun's code that the
        // setup touched: they stay mapped, and count in its RSS, until it exits. So each
        // stage lets go of the code of the stage before: the load here, the wait for
        // `start` after it, the run in WasmLaunch. The init's peak RSS then stays at the
        // setup's, as a native container's init does, instead of WasmKit's code on top.
        // (The pages stay in the page cache, mapped by the strun parent too: the refaults
        // are minor faults, no I/O. For a hello: ~190 more of them, ~0.15 ms in madvise,
        // ~0.3 ms per run in all, for ~0.9 MB less peak RSS.)
        Processes.releaseCodePages()
        let program = try WasmProgram(
            path: path, args: Array((ctx.process.args ?? []).dropFirst()),
            environment: ProcessSetup.environment(env, uid: UInt32(ctx.process.user.uid)),
            preopens: preopens(ctx.spec.mounts ?? []))
        // The parser's and validator's code is not needed again.
        Processes.releaseCodePages()
        return .wasm(program)
    }

    /// The container's root as `/`, then every mounted directory (volumes, tmpfs) under its
    /// own path, so a module that looks at its preopens finds the mounts too. The kernel's
    /// trees (/proc, /dev, /sys) mean nothing to a WASI module and are left out.
    static func preopens(_ mounts: [Mount]) -> [String] {
        var result = ["/"]
        for mount in mounts {
            let path = Paths.clean(mount.destination)
            let kernelTree = ["/proc", "/dev", "/sys"].contains { path == $0 || path.hasPrefix($0 + "/") }
            guard !kernelTree, path != "/", Files.isDirectory(path),
                  !result.contains(path) else { continue }
            result.append(path)
        }
        return result
    }

    /// Settings that only an exec can apply. A module runs in the init, which never execs,
    /// so they would be ignored silently: refused instead.
    private static func refuseExecOnlySettings(_ process: Process) throws(StrataError) {
        if let profile = process.apparmorProfile, !profile.isEmpty {
            throw StrataError("validate", "process.apparmorProfile", reason: "not supported for a wasm module (it is applied at exec, and a module runs without one)")
        }
        if let label = process.selinuxLabel, !label.isEmpty {
            throw StrataError("validate", "process.selinuxLabel", reason: "not supported for a wasm module (it is applied at exec, and a module runs without one)")
        }
    }

    private static func startsWithModuleMagic(_ path: String) -> Bool {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        if fd < 0 { return false }
        defer { closeFD(fd) }
        var prefix = [UInt8](repeating: 0, count: 4)
        let n = read(fd, &prefix, 4)
        return n == 4 && WasmTrigger.isModule(prefix: prefix)
    }
}
