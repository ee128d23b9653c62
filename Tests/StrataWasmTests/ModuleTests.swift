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

/// A module file in a fresh temporary directory.
private func moduleFile(_ text: String, name: String = "m.wat") throws -> String {
    var template = Array("/tmp/strata-wasm-test.XXXXXX".utf8CString)
    let dir = template.withUnsafeMutableBufferPointer { String(cString: mkdtemp($0.baseAddress!)) }
    let path = dir + "/" + name
    try Files.write(path, Array(text.utf8))
    return path
}

@Suite struct LoaderTests {
    @Test func unsupportedImportIsNamedWithTheModule() throws {
        let path = try moduleFile("""
            (module (import "env" "launch" (func (param i32))) (memory (export "memory") 1)
              (func (export "_start")))
            """)
        #expect {
            _ = try WasmProgram(path: path, args: [], environment: [], preopens: [])
        } throws: { error in
            "\(error)" == "load wasm module \(path): unsupported import env.launch (function): strun provides the functions of wasi_snapshot_preview1 only"
        }
    }

    @Test func unknownWASIFunctionIsRefused() throws {
        let path = try moduleFile("""
            (module (import "wasi_snapshot_preview1" "no_such_call" (func)) (func (export "_start")))
            """)
        #expect(throws: StrataError.self) { _ = try WasmProgram(path: path, args: [], environment: [], preopens: []) }
    }

    @Test func garbageIsNotAModule() throws {
        let path = try moduleFile("not wasm at all", name: "x.wasm")
        #expect {
            _ = try WasmProgram(path: path, args: [], environment: [], preopens: [])
        } throws: { error in
            "\(error)".hasPrefix("load wasm module \(path): neither a binary module nor valid WAT")
        }
    }

    @Test func aReactorIsNotACommand() throws {
        let path = try moduleFile("(module (func (export \"_initialize\")))")
        #expect {
            _ = try WasmProgram(path: path, args: [], environment: [], preopens: [])
        } throws: { error in
            "\(error)".hasSuffix("no exported _start function (not a WASI command)")
        }
    }

    @Test func procExitCodeIsTheStatus() throws {
        let path = try moduleFile("""
            (module (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
              (memory (export "memory") 1)
              (func (export "_start") (call $exit (i32.const 300))))
            """)
        let program = try WasmProgram(path: path, args: [], environment: [], preopens: [])
        #expect(program.run() == 300 & 0xff)
    }

    @Test func returningFromStartIsSuccess() throws {
        let path = try moduleFile("(module (memory (export \"memory\") 1) (func (export \"_start\")))")
        let program = try WasmProgram(path: path, args: [], environment: [], preopens: [])
        #expect(program.run() == 0)
    }

    @Test func aTrapEndsWithTheTrapStatus() throws {
        let path = try moduleFile("(module (func $f (i32.div_u (i32.const 1) (i32.const 0)) drop) (func (export \"_start\") (call $f)))")
        let program = try WasmProgram(path: path, args: [], environment: [], preopens: [])
        #expect(program.run() == WasmProgram.trapStatus)
    }
}
