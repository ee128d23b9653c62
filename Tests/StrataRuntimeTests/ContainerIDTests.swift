import Testing
import StrataSystem
import StrataRuntime

@Suite("ContainerID.validate")
struct ContainerIDTests {
    @Test("valid ids", arguments: [
        "a", "A", "0", "a.b-c_d+e", "web-1", "ctr.v2_x", "..a", "a..", "...",
        "3f1c2b0a9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b",
        "k8s_POD_nginx-7c5d_default_0d6e1c9a-1234-5678-9abc-def012345678_0",
    ])
    func valid(id: String) throws {
        try ContainerID.validate(id)
    }

    @Test func emptyIsRejected() {
        let error = #expect(throws: StrataError.self) { try ContainerID.validate("") }
        #expect(error?.description == "container id cannot be empty")
    }

    @Test("invalid ids", arguments: [
        ".", "..", "a/b", "/a", "a b", " a", "a\n", "a\tb", "a:b", "a@b", "a*", "a\\b", "é", "容器", "a\u{0}b", "-/",
    ])
    func invalid(id: String) {
        let error = #expect(throws: StrataError.self) { try ContainerID.validate(id) }
        #expect(error?.description.contains("invalid container id") == true, "\"\(id)\"")
    }
}
