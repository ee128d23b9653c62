#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import WasmKit
import WasmParser
import WAT

/// Reads a module file (binary, or WAT text) and parses it, naming the file in every error.
enum WasmModuleLoader {
    static func load(_ path: String) throws(StrataError) -> Module {
        let bytes: [UInt8]
        do { bytes = try Files.read(path) } catch {
            throw error.within("load wasm module")
        }
        var binary = bytes
        if !WasmTrigger.isModule(prefix: bytes) {
            // WAT: the name section keeps `$names`, so a trap can name its function.
            do {
                binary = try wat2wasm(String(decoding: bytes, as: UTF8.self), options: EncodeOptions(nameSection: true))
            } catch {
                throw StrataError("load wasm module", path, reason: "neither a binary module nor valid WAT: \(error)")
            }
        }
        do {
            return try parseWasm(bytes: binary)
        } catch {
            throw StrataError("load wasm module", path, reason: "not a valid wasm module: \(error)")
        }
    }

    /// Refuses imports strun cannot satisfy, naming the first: only the functions of
    /// `wasi_snapshot_preview1` are provided, and `_start` must be exported (a WASI command).
    static func checkImports(_ module: Module, path: String, provided: Set<String>) throws(StrataError) {
        for entry in module.imports {
            var supported = false
            if entry.module == WASIPreview1.moduleName, case .function = entry.descriptor {
                supported = provided.contains(entry.name)
            }
            if !supported {
                throw StrataError("load wasm module", path,
                                  reason: "unsupported import \(entry.module).\(entry.name) (\(kind(of: entry.descriptor))): strun provides the functions of \(WASIPreview1.moduleName) only")
            }
        }
        let hasStart = module.exports.contains { export in
            if case .function = export.descriptor { return export.name == "_start" }
            return false
        }
        if !hasStart {
            throw StrataError("load wasm module", path, reason: "no exported _start function (not a WASI command)")
        }
    }

    private static func kind(of descriptor: ImportDescriptor) -> String {
        switch descriptor {
        case .function: return "function"
        case .table: return "table"
        case .memory: return "memory"
        case .global: return "global"
        default: return "tag"
        }
    }
}

enum WASIPreview1 {
    static let moduleName = "wasi_snapshot_preview1"
}
