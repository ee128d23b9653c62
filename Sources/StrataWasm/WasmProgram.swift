#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import WASI
import WasmKit
import WasmKitWASI

/// A WASI preview1 command, loaded and checked, with its WASI context (args, env, stdio,
/// preopened directories) already opened: made by the container's init before `start`,
/// so that a bad module fails `create` and every file is opened before seccomp applies.
public final class WasmProgram {
    /// The module file, as the process sees it (argv[0]).
    public let path: String
    private let module: Module
    private let bridge: WASIBridgeToHost
    /// The WASI functions strun provides, built once: the import check needs their names
    /// and `run` links the ones the module imports. (WasmKit's `link` would build the
    /// whole table a second time, and a host function per entry: a measurable share of a
    /// hello's run.)
    private let functions: [String: WASIHostFunction<Memory>]

    /// Loads `path` (binary or WAT), checks its imports and opens the preopened
    /// directories, which the module sees under the same paths as the caller (the init
    /// runs in the container's root already). `args` are the arguments after argv[0];
    /// `environment` holds `KEY=VALUE` strings.
    public init(path: String, args: [String], environment: [String], preopens: [String]) throws(StrataError) {
        self.path = path
        module = try WasmModuleLoader.load(path)
        do {
            bridge = try WASIBridgeToHost(
                args: [path] + args, environment: Self.dictionary(environment),
                preopens: preopens.map { WASIBridgeToHost.Preopen(guestPath: $0, hostPath: $0) })
        } catch {
            throw StrataError("open wasi context", path, reason: "\(error)")
        }
        functions = bridge.hostFunctions(capabilities: WASICapability.all, stubUnlinked: false)
        do { try WasmModuleLoader.checkImports(module, path: path, provided: Set(functions.keys)) } catch {
            try? bridge.close()
            throw error
        }
    }

    /// Instantiates and runs `_start`. Returns the exit status: proc_exit's code (0 when
    /// `_start` returns), or `trapStatus` after writing the trap, naming the function, to
    /// stderr. Never throws: what fails here fails inside the running container.
    public func run() -> Int32 {
        let status: Int32
        do {
            let engine = Engine()
            let store = Store(engine: engine)
            let imports = linkImports(store: store)
            let instance = try module.instantiate(store: store, imports: imports)
            status = Int32(truncatingIfNeeded: try bridge.start(instance) & 0xff)
        } catch let exit as WASIExitCode {
            // proc_exit from a start section, before `_start`.
            status = Int32(truncatingIfNeeded: exit.code & 0xff)
        } catch let trap as Trap {
            report(TrapReport(trap).message(module: path))
            status = Self.trapStatus
        } catch {
            report("strun: wasm module \(path): \(error)")
            status = Self.trapStatus
        }
        try? bridge.close()
        return status
    }

    /// The host functions the module imports, as WasmKit's `link` makes them (each finds
    /// the caller's exported memory). `checkImports` made sure every import is one of them.
    private func linkImports(store: Store) -> Imports {
        var imports = Imports()
        for entry in module.imports where entry.module == WASIPreview1.moduleName {
            guard case .function = entry.descriptor, let function = functions[entry.name] else { continue }
            let body: Function.Implementation = { caller, values in
                guard case .memory(let memory) = caller.instance?.export("memory") else {
                    throw WASIError(description: "Missing required \"memory\" export")
                }
                return try function.implementation(memory, values)
            }
            imports.define(module: entry.module, name: entry.name, Function(store: store, type: function.type, body: body))
        }
        return imports
    }

    /// The exit status of a trapped module: 128 + SIGABRT, as wasmtime's CLI exits, so that
    /// clients that look at signals see an abnormal end.
    public static let trapStatus: Int32 = 134

    private func report(_ text: String) {
        try? Files.writeAll(fd: 2, Array((text + "\n").utf8), name: "stderr")
    }

    /// `KEY=VALUE` strings as WASI's environment (a later duplicate wins, as in execve's
    /// getenv); an entry without `=` is a key with an empty value.
    static func dictionary(_ environment: [String]) -> [String: String] {
        var result: [String: String] = [:]
        for entry in environment {
            if let eq = entry.firstIndex(of: "=") {
                result[String(entry[..<eq])] = String(entry[entry.index(after: eq)...])
            } else {
                result[entry] = ""
            }
        }
        return result
    }
}
