import Testing
@testable import StrataImage

@Suite struct ReferenceTests {
    @Test func shortNamesKeepNoRegistry() throws {
        let r = try Reference.parse("busybox")
        #expect(r.domain == nil && r.path == "busybox" && r.tag == nil)
        let resolved = try RegistriesConfig().resolve(r)
        #expect(resolved.description == "docker.io/library/busybox:latest")
    }

    @Test func qualifiedForms() throws {
        #expect(try Reference.parse("library/busybox:1.36").description == "library/busybox:1.36")
        #expect(try Reference.parse("docker.io/busybox").description == "docker.io/library/busybox")
        #expect(try Reference.parse("index.docker.io/library/busybox:1").domain == "docker.io")
        let d = String(repeating: "a", count: 64)
        let r = try Reference.parse("registry:5000/team/app@sha256:\(d)")
        #expect(r.domain == "registry:5000" && r.path == "team/app" && r.digest?.hex == d && r.tag == nil)
        #expect(r.manifestReference == "sha256:\(d)")
        let both = try Reference.parse("localhost/app:v1@sha256:\(d)")
        #expect(both.domain == "localhost" && both.tag == "v1" && both.digest != nil)
        #expect(try Reference.parse("[::1]:5000/a/b:c").domain == "[::1]:5000")
        #expect(try Reference.parse("docker.io/busybox").registryHost == "registry-1.docker.io")
    }

    @Test func malformedAreRefused() {
        for bad in ["", "Busy", "a//b", "busybox:", "busybox:-x", "busybox@sha256:abc", "a/B/c", "-a", "a__-b"] {
            #expect(throws: (any Error).self, "\(bad)") { try Reference.parse(bad) }
        }
    }

    @Test func shortNameNeedsExactlyOneSearchRegistry() throws {
        let two = RegistriesConfig(searchRegistries: ["quay.io", "docker.io"])
        #expect(throws: (any Error).self) { try two.resolve(Reference.parse("app")) }
        let none = RegistriesConfig(searchRegistries: [])
        #expect(throws: (any Error).self) { try none.resolve(Reference.parse("app")) }
        let one = RegistriesConfig(searchRegistries: ["quay.io"])
        #expect(try one.resolve(Reference.parse("team/app")).description == "quay.io/team/app:latest")
    }

    @Test func registriesConfParses() throws {
        let text = """
            # comment
            unqualified-search-registries = ["localhost:5000", 'quay.io']
            [aliases]
            "x" = "y"
            [[registry]]
            location = "localhost:5000"
            insecure = true
            [[registry]]
            location = "evil.example"
            blocked = true
            """
        let c = try RegistriesConfig.parse(text, source: "test")
        #expect(c.searchRegistries == ["localhost:5000", "quay.io"])
        #expect(c.insecure == ["localhost:5000"])
        #expect(c.blocked == ["evil.example"])
        #expect(throws: (any Error).self) { try c.resolve(Reference.parse("evil.example/a")) }
    }

    @Test func challengeParses() {
        let c = AuthChallenge.parse(#"Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push""#)
        #expect(c?.scheme == "bearer")
        #expect(c?.params["realm"] == "https://auth.example/token")
        #expect(c?.params["scope"] == "repository:a/b:pull,push")
        #expect(AuthChallenge.parse(#"Basic realm="x""#)?.scheme == "basic")
    }

    @Test func chainIDsFollowTheSpec() throws {
        let a = try Digest.parse("sha256:" + String(repeating: "1", count: 64))
        let b = try Digest.parse("sha256:" + String(repeating: "2", count: 64))
        let chain = ImageStore.chainIDs([a, b])
        #expect(chain[0] == a)
        #expect(chain[1] == Digest.of(Array("\(a) \(b)".utf8)))
    }

    @Test func platformMatching() throws {
        #expect(try Platform.parse("linux/arm64/v8").accepts(Platform(os: "linux", architecture: "arm64")))
        #expect(!(try Platform.parse("linux/arm/v7").accepts(Platform(os: "linux", architecture: "arm", variant: "v6"))))
        #expect(Platform.default.accepts(Platform(os: "linux", architecture: "amd64")))
        #expect(throws: (any Error).self) { try Platform.parse("linux") }
    }
}
