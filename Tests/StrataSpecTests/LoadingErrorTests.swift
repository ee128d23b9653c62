#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import StrataSpec

@Suite struct LoadingErrorTests {
    private func loadError(_ text: String) -> SpecError? {
        do {
            _ = try Spec.load(fromJSON: Array(text.utf8))
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        (#"{"process":{"user":{"uid":"root"}}}"#, "process.user.uid: expected a number, got string"),
        (#"{"process":{"user":{"uid":-1}}}"#, "process.user.uid: number -1 out of range for uint32"),
        (#"{"process":{"user":{"uid":1.5}}}"#, "process.user.uid: expected an integer, got 1.5"),
        (#"{"mounts":[{"destination":"/a"},{"destination":7}]}"#, "mounts[1].destination: expected a string, got number"),
        (#"{"linux":{"sysctl":{"net.ipv4.ip_forward":1}}}"#, #"linux.sysctl["net.ipv4.ip_forward"]: expected a string, got number"#),
        (#"{"linux":{"resources":{"memory":{"limit":"1G"}}}}"#, "linux.resources.memory.limit: expected a number, got string"),
        (#"{"process":{"args":"sh"}}"#, "process.args: expected an array, got string"),
        (#"{"process":{"terminal":"yes"}}"#, "process.terminal: expected a boolean, got string"),
        (#"{"linux":[]}"#, "linux: expected an object, got array"),
        (#"[]"#, "expected an object, got array"),
        (#"{"process":{"rlimits":[{"type":"RLIMIT_NOFILE","hard":18446744073709551616}]}}"#,
         "process.rlimits[0].hard: expected an integer, got 1.8446744073709552e+19"),
    ])
    func typeMismatchNamesThePath(text: String, message: String) {
        let error = loadError(text)
        #expect(error?.kind == .type)
        #expect(error?.description == message)
    }

    @Test func nullAndMissingReadLikeGo() throws {
        let spec = try Spec.load(fromJSON: Array(#"{"process":{"args":null,"user":null},"root":{}}"#.utf8))
        #expect(spec.ociVersion == "")
        #expect(spec.process?.args == nil)
        #expect(spec.process?.cwd == "")
        #expect(spec.process?.user == User(uid: 0, gid: 0))
        #expect(spec.root?.path == "")
    }

    @Test func malformedJSONSaysWhere() {
        let error = loadError("{\n\t\"ociVersion\": \"1.2.0\"\n\t\"process\": {}\n}")
        #expect(error?.kind == .syntax)
        #expect(error?.description == "invalid json at line 3, column 2 (byte 26): unexpected character '\"', expected ',' or '}' after object member")
    }

    @Test func syntaxErrorsInsideKnownMembersSayWhereNotWhichPath() {
        let trailingComma = loadError("{\"mounts\": [\n  {\"destination\": \"/a\"},\n]}")
        #expect(trailingComma?.kind == .syntax)
        #expect(trailingComma?.path == "")
        #expect(trailingComma?.description.hasPrefix("invalid json at line 3, column 1") == true)
        let badLiteral = loadError(#"{"process": {"terminal": tru, "cwd": "/"}}"#)
        #expect(badLiteral?.description == "invalid json at line 1, column 26 (byte 25): invalid literal, expected true")
        let unknownMemberBroken = loadError(#"{"x-vendor": {"a": [1 2]}}"#)
        #expect(unknownMemberBroken?.kind == .syntax)
        #expect(loadError(#"{"ociVersion": "1.2.0"} {}"#)?.kind == .syntax)
    }

    @Test func missingFileNamesThePath() {
        let bundle = "/nonexistent-strata-bundle-\(UInt32.random(in: 0...UInt32.max))"
        #expect {
            _ = try Spec.load(bundle: bundle)
        } throws: { error in
            guard let error = error as? SpecError else { return false }
            return error.kind == .io && error.description == "\(bundle)/config.json: no such file or directory"
        }
    }

    @Test func bundleLoadingAndFileNameInErrors() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("strataspec-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        _ = FileManager.default.createFile(atPath: dir + "/config.json", contents: Data(Fixtures.runcSpec.utf8))
        #expect(try Spec.load(bundle: dir) == Spec.load(fromJSON: Array(Fixtures.runcSpec.utf8)))
        #expect(try Spec.load(bundle: dir + "/") == Spec.load(bundle: dir))

        _ = FileManager.default.createFile(atPath: dir + "/bad.json", contents: Data(#"{"hostname": 3}"#.utf8))
        #expect {
            _ = try Spec.load(file: dir + "/bad.json")
        } throws: { error in
            (error as? SpecError)?.description == "\(dir)/bad.json: hostname: expected a string, got number"
        }
        #expect {
            _ = try Spec.load(file: dir)
        } throws: { error in
            guard let error = error as? SpecError else { return false }
            return error.kind == .io && error.file == dir
        }
    }
}
