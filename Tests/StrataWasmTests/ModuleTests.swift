import Testing
@testable import StrataWasm

@Suite struct TriggerTests {
    @Test func handlerAnnotationSelectsWasm() {
        #expect(WasmTrigger.decide(annotations: ["run.oci.handler": "wasm"], entrypoint: "/bin/sh") == .wasm)
        #expect(WasmTrigger.decide(annotations: ["module.wasm.image/variant": "compat"], entrypoint: "x") == .wasm)
    }

    @Test func smartFormsNeedAModuleName() {
        #expect(WasmTrigger.decide(annotations: ["run.oci.handler": "wasm-smart"], entrypoint: "/app.wasm") == .wasm)
        #expect(WasmTrigger.decide(annotations: ["run.oci.handler": "wasm-smart"], entrypoint: "/app.wat") == .wasm)
        #expect(WasmTrigger.decide(annotations: ["module.wasm.image/variant": "compat-smart"], entrypoint: "/bin/sh") == .ifModule)
        #expect(WasmTrigger.decide(annotations: ["run.oci.handler": "wasm-smart"], entrypoint: "/bin/sh") == .ifModule)
    }

    @Test func noAnnotationLeavesItToTheBytes() {
        #expect(WasmTrigger.decide(annotations: nil, entrypoint: "/bin/sh") == .ifModule)
        #expect(WasmTrigger.decide(annotations: ["run.oci.handler": "other"], entrypoint: "/a.wasm") == .ifModule)
    }

    @Test func sandboxContainersAreNeverWasm() {
        for key in ["io.kubernetes.cri.container-type", "io.kubernetes.cri-o.ContainerType"] {
            #expect(WasmTrigger.decide(annotations: [key: "sandbox", "run.oci.handler": "wasm"], entrypoint: "/pause") == .native)
        }
        #expect(WasmTrigger.decide(annotations: ["io.kubernetes.cri.container-type": "container", "run.oci.handler": "wasm"],
                                   entrypoint: "/a.wasm") == .wasm)
    }

    @Test func magic() {
        #expect(WasmTrigger.isModule(prefix: [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]))
        #expect(!WasmTrigger.isModule(prefix: Array("\u{7f}ELF".utf8)))
        #expect(!WasmTrigger.isModule(prefix: [0, 0x61]))
    }
}

@Suite struct TrapReportTests {
    @Test func namesReasonAndInnermostFunction() {
        let report = TrapReport(description: "Trap: unreachable\n    0: (0x1234) boom\n    1: (0x99) _start")
        #expect(report == TrapReport(reason: "unreachable", function: "boom"))
        #expect(report.message(module: "/t.wat") == "strun: wasm module /t.wat trapped: unreachable, in function boom")
    }

    @Test func withoutBacktraceOrNames() {
        #expect(TrapReport(description: "Trap: integer divide by zero") == TrapReport(reason: "integer divide by zero", function: nil))
        #expect(TrapReport(description: "Trap: unreachable\n    0: wasm function[0]").function == "wasm function[0]")
    }
}

@Suite struct ProgramTests {
    @Test func environmentStrings() {
        #expect(WasmProgram.dictionary(["A=1", "B=x=y", "C", "A=2"]) == ["A": "2", "B": "x=y", "C": ""])
    }
}

#if canImport(Glibc)
import Glibc
#endif
import StrataSystem

/// Runs `body` with the path of a module file holding `text`, in a temporary directory
/// removed afterwards.
private func withModule<R>(_ text: String, name: String = "m.wat", _ body: (String) throws -> R) throws -> R {
    var template = Array("/tmp/strata-wasm-test.XXXXXX".utf8CString)
    guard let base = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap(mkdtemp) }) else {
        throw StrataError.system("mkdtemp", "/tmp/strata-wasm-test.XXXXXX")
    }
    let dir = String(cString: base)
    defer { try? Files.removeTree(dir) }
    let path = dir + "/" + name
    try Files.write(path, Array(text.utf8))
    return try body(path)
}

/// Loads `text` as a program, as the init does.
private func program(_ text: String, name: String = "m.wat") throws -> WasmProgram {
    try withModule(text, name: name) { path in
        try WasmProgram(path: path, args: [], environment: [], preopens: [])
    }
}

@Suite struct LoaderTests {
    @Test func unsupportedImportIsNamedWithTheModule() throws {
        try withModule("""
            (module (import "env" "launch" (func (param i32))) (memory (export "memory") 1)
              (func (export "_start")))
            """) { path in
            #expect {
                _ = try WasmProgram(path: path, args: [], environment: [], preopens: [])
            } throws: { error in
                "\(error)" == "load wasm module \(path): unsupported import env.launch (function): strun provides the functions of wasi_snapshot_preview1 only"
            }
        }
    }

    @Test func unknownWASIFunctionIsRefused() {
        #expect(throws: StrataError.self) {
            _ = try program("(module (import \"wasi_snapshot_preview1\" \"no_such_call\" (func)) (func (export \"_start\")))")
        }
    }

    @Test func garbageIsNotAModule() {
        #expect {
            _ = try program("not wasm at all", name: "x.wasm")
        } throws: { error in
            "\(error)".contains("x.wasm: neither a binary module nor valid WAT")
        }
    }

    @Test func aReactorIsNotACommand() {
        #expect {
            _ = try program("(module (func (export \"_initialize\")))")
        } throws: { error in
            "\(error)".hasSuffix("no exported _start function (not a WASI command)")
        }
    }

    @Test func procExitCodeIsTheStatus() throws {
        let exits = try program("""
            (module (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (memory (export "memory") 1)
              (func (export "_start") (call $exit (i32.const 300))))
            """)
        #expect(exits.run() == 300 & 0xff)
    }

    @Test func returningFromStartIsSuccess() throws {
        #expect(try program("(module (memory (export \"memory\") 1) (func (export \"_start\")))").run() == 0)
    }

    @Test func aTrapEndsWithTheTrapStatus() throws {
        let traps = try program("(module (func $f (i32.div_u (i32.const 1) (i32.const 0)) drop) (func (export \"_start\") (call $f)))")
        #expect(traps.run() == WasmProgram.trapStatus)
    }
}
