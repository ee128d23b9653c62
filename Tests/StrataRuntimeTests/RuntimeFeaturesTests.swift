import Testing
import StrataSpec
import StrataRuntime

@Suite("RuntimeFeatures")
struct RuntimeFeaturesTests {
    static func member(_ value: JSONValue?, _ key: String) -> JSONValue? {
        guard case .object(let members)? = value else { return nil }
        return members[key]
    }

    @Test func documentJSON() throws {
        let json = try JSONValue(parsing: RuntimeFeatures.document(version: "test").jsonBytes(pretty: true))
        #expect(Self.member(json, "ociVersionMin") == .string("1.0.0"))
        #expect(Self.member(json, "ociVersionMax") == .string("1.2.0"))
        let linux = Self.member(json, "linux")
        let namespaces = try #require(Self.member(linux, "namespaces"))
        let expected: [JSONValue] = ["pid", "network", "mount", "ipc", "uts", "user", "cgroup", "time"].map { .string($0) }
        guard case .array(let list) = namespaces else {
            Issue.record("namespaces is \(namespaces.kindName)")
            return
        }
        #expect(Set(list) == Set(expected))
        #expect(list.count == 8)
        #expect(Self.member(Self.member(linux, "seccomp"), "enabled") == .bool(true))
        #expect(Self.member(Self.member(linux, "cgroup"), "v1") == .bool(true))
        #expect(Self.member(Self.member(linux, "cgroup"), "v2") == .bool(true))
    }

    @Test func documentFields() {
        let features = RuntimeFeatures.document(version: "test")
        #expect(features.hooks?.contains("createRuntime") == true)
        #expect(features.hooks?.count == 6)
        #expect(features.linux?.capabilities?.first == "CAP_CHOWN")
        #expect(features.linux?.capabilities?.contains("CAP_SYS_ADMIN") == true)
        let options = features.mountOptions ?? []
        #expect(options.contains("rbind") && options.contains("ro") && options.contains("rprivate"))
        #expect(!options.contains("idmap") && !options.contains("tmpcopyup"))
        #expect(options == options.sorted())
    }
}
