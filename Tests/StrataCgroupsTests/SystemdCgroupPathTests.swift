import Testing
import StrataSystem
@testable import StrataCgroups

@Suite("SystemdCgroupPath")
struct SystemdCgroupPathTests {
    @Test func slicesExpandAsSystemdNestsThem() throws {
        #expect(try SystemdCgroupPath.cgroupfs("machine-libpod.slice:libpod:abc", containerID: "x")
            == "/machine.slice/machine-libpod.slice/libpod-abc.scope")
        #expect(try SystemdCgroupPath.cgroupfs("system.slice:docker:123", containerID: "x") == "/system.slice/docker-123.scope")
        #expect(try SystemdCgroupPath.cgroupfs("", containerID: "c1") == "/system.slice/strun-c1.scope")
        #expect(try SystemdCgroupPath.cgroupfs(":cri-containerd:9", containerID: "x") == "/system.slice/cri-containerd-9.scope")
        #expect(try SystemdCgroupPath.cgroupfs("kubepods-besteffort.slice:cri:pod1.slice", containerID: "x")
            == "/kubepods.slice/kubepods-besteffort.slice/pod1.slice")
        #expect(try SystemdCgroupPath.cgroupfs("-.slice:p:n", containerID: "x") == "/p-n.scope")
    }

    @Test func badPathsNameThemselves() {
        for bad in ["/just/a/path", "a:b", "notaslice:p:n", "a--b.slice:p:n", "-a.slice:p:n", "system.slice::..", "system.slice:x:a/b"] {
            do {
                _ = try SystemdCgroupPath.cgroupfs(bad, containerID: "x")
                Issue.record("\(bad) was accepted")
            } catch {
                #expect(error.description.contains(bad.split(separator: ":").first.map(String.init) ?? bad))
            }
        }
    }
}
