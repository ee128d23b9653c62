import Testing
@testable import StrataSpec

@Suite struct DefaultSpecTests {
    /// runc's text with the two intended differences applied.
    private func expectedText(_ runc: String) -> String {
        runc.replacing("\"ociVersion\": \"1.0.2-dev\"", with: "\"ociVersion\": \"\(Spec.version)\"")
            .replacing("\"hostname\": \"runc\"", with: "\"hostname\": \"strun\"")
    }

    @Test func defaultConfigMatchesRuncSpecFieldByField() throws {
        var runc = try Spec.load(fromJSON: Array(Fixtures.runcSpec.utf8))
        runc.ociVersion = Spec.version
        runc.hostname = "strun"
        #expect(Spec.defaultConfig() == runc)
    }

    @Test func defaultConfigPrintsLikeRuncSpec() {
        #expect(Spec.defaultConfig().jsonText(pretty: true) == expectedText(Fixtures.runcSpec))
    }

    @Test func rootlessConfigMatchesRuncSpecRootless() throws {
        #expect(Spec.rootlessConfig(uid: 0, gid: 0).jsonText(pretty: true) == expectedText(Fixtures.runcRootless))
        let mine = Spec.rootlessConfig(uid: 1000, gid: 1001)
        #expect(mine.linux?.uidMappings == [LinuxIDMapping(containerID: 0, hostID: 1000, size: 1)])
        #expect(mine.linux?.gidMappings == [LinuxIDMapping(containerID: 0, hostID: 1001, size: 1)])
    }

    @Test func defaultConfigsAreValid() {
        #expect(Spec.defaultConfig().problems().isEmpty)
        #expect(Spec.rootlessConfig(uid: 1000, gid: 1000).problems().isEmpty)
    }
}
