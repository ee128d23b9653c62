#if canImport(Glibc)
import Glibc
#endif
import Testing
import StrataSystem

@Suite("StrataError")
struct StrataErrorTests {
    @Test func operationObjectErrno() {
        let e = StrataError("open", "/run/strun/x/state.json", errno: ENOENT)
        #expect(e.description == "open /run/strun/x/state.json: no such file or directory")
        #expect(StrataError.system("mount", "/proc", errno: EPERM).description == "mount /proc: operation not permitted")
    }

    @Test func reasonWithAndWithoutErrno() {
        #expect(StrataError("validate", "linux.namespaces[0].type", reason: "unknown namespace type \"foo\"").description
                == "validate linux.namespaces[0].type: unknown namespace type \"foo\"")
        #expect(StrataError("write", "/sys/fs/cgroup/x/memory.max", errno: EINVAL, reason: "value \"1k\"").description
                == "write /sys/fs/cgroup/x/memory.max: value \"1k\": invalid argument")
    }

    /// Issue 16: a value quoted in the object (a map written to /proc) stays on one line.
    @Test func controlCharactersInTheObjectAreEscaped() {
        let e = StrataError("write", "/proc/7/uid_map \"0 100000 100\n50 200000 100\n\"", errno: EINVAL)
        #expect(e.description == #"write /proc/7/uid_map "0 100000 100\n50 200000 100\n": invalid argument"#)
        #expect(StrataError.escapingControlCharacters("a\tb\u{1b}[0m\r") == #"a\tb\x1b[0m\r"#)
        #expect(StrataError.escapingControlCharacters("plain ü") == "plain ü")
    }

    @Test func emptyOperationOrObject() {
        #expect(StrataError("wait for cgroup setup", "", reason: "peer closed").description == "wait for cgroup setup: peer closed")
        #expect(StrataError("", "config.json", reason: "bad").description == "config.json: bad")
        #expect(StrataError("close", "").description == "close")
    }

    @Test func contextOutermostFirst() {
        let e = StrataError("open", "/b/config.json", errno: ENOENT).within("load spec").within("create container x")
        #expect(e.context == ["create container x", "load spec"])
        #expect(e.description == "create container x: load spec: open /b/config.json: no such file or directory")
    }

    @Test func verbatimMessage() {
        let e = StrataError.message("container not running")
        #expect(e.description == "container not running")
        #expect(e.errno == 0)
        #expect(StrataError.message("container \"x\" does not exist", errno: ENOENT).errno == ENOENT)
        // The errno is not appended to a verbatim message; context still is prefixed.
        #expect(StrataError.message("container \"x\" does not exist", errno: ENOENT).description == "container \"x\" does not exist")
        #expect(e.within("kill").description == "kill: container not running")
    }

    @Test func equatable() {
        #expect(StrataError("a", "b", errno: 1) == StrataError("a", "b", errno: 1))
        #expect(StrataError("a", "b", errno: 1) != StrataError("a", "b", errno: 2))
        #expect(StrataError("a", "b") != StrataError("a", "b").within("c"))
    }

    @Test("errnoString lower-cases the first letter", arguments: [
        (ENOENT, "no such file or directory"), (EACCES, "permission denied"), (EEXIST, "file exists"),
        (EINVAL, "invalid argument"), (EBUSY, "device or resource busy"), (ESRCH, "no such process"),
    ] as [(Int32, String)])
    func errnoText(code: Int32, expected: String) {
        #expect(errnoString(code) == expected)
    }

    @Test func unknownErrno() {
        let text = errnoString(99999)
        #expect(text.first?.isLowercase == true)
        #expect(text.contains("99999"))
    }
}
