import Testing
import StrataSystem
import StrataSpec
@testable import StrataRuntime

@Suite("PlannedMount")
struct PlannedMountTests {
    static let bundle = "/run/containerd/io.containerd.runtime.v2.task/default/web"

    @Test func bindFromOptionsWithoutType() {
        let m = PlannedMount(Mount(destination: "/etc/hosts", source: "/var/lib/docker/containers/x/hosts",
                                   options: ["rbind", "rprivate"]), bundle: Self.bundle)
        #expect(m.isBind)
        #expect(m.type == "bind")
        #expect(m.flags & MountFlags.rec != 0)
        #expect(m.source == "/var/lib/docker/containers/x/hosts")
        #expect(m.propagation == [MountFlags.private | MountFlags.rec])
    }

    @Test func bindFromTypeWithoutOptions() {
        let m = PlannedMount(Mount(destination: "/data", type: "bind", source: "/srv/data"), bundle: Self.bundle)
        #expect(m.isBind)
        #expect(m.flags & MountFlags.bind != 0)
        #expect(m.flags & MountFlags.rec == 0)
    }

    @Test func typeNoneWithBindOption() {
        let m = PlannedMount(Mount(destination: "/x", type: "none", source: "/y", options: ["bind"]), bundle: Self.bundle)
        #expect(m.isBind)
        #expect(m.type == "none")
    }

    @Test func relativeBindSourceResolvesAgainstBundle() {
        let m = PlannedMount(Mount(destination: "/data", type: "bind", source: "volumes/data", options: ["rbind"]),
                             bundle: Self.bundle)
        #expect(m.source == Self.bundle + "/volumes/data")
        let up = PlannedMount(Mount(destination: "/d", source: "../shared/./d", options: ["bind"]), bundle: "/b/c")
        #expect(up.source == "/b/shared/d")
    }

    @Test func nonBindSourceIsLeftAlone() {
        let m = PlannedMount(Mount(destination: "/proc", type: "proc", source: "proc"), bundle: Self.bundle)
        #expect(!m.isBind)
        #expect(m.source == "proc")
        #expect(m.type == "proc")
        #expect(m.flags == 0)
        #expect(m.data == "")
    }

    @Test func readOnlyNosuidFlags() {
        let m = PlannedMount(Mount(destination: "/sys", type: "sysfs", source: "sysfs",
                                   options: ["nosuid", "noexec", "nodev", "ro"]), bundle: Self.bundle)
        #expect(m.flags == MountFlags.nosuid | MountFlags.noexec | MountFlags.nodev | MountFlags.rdonly)
        let rw = PlannedMount(Mount(destination: "/x", type: "bind", source: "/y", options: ["ro", "rw"]), bundle: Self.bundle)
        #expect(rw.flags & MountFlags.rdonly == 0)
    }

    @Test func tmpfsData() {
        // The /dev mount of `runc spec`.
        let m = PlannedMount(Mount(destination: "/dev", type: "tmpfs", source: "tmpfs",
                                   options: ["nosuid", "strictatime", "mode=755", "size=65536k"]), bundle: Self.bundle)
        #expect(m.data == "mode=755,size=65536k")
        #expect(m.flags == MountFlags.nosuid | MountFlags.strictatime)
        let ordered = PlannedMount(Mount(destination: "/run", type: "tmpfs", source: "tmpfs",
                                         options: ["size=65536k", "nosuid", "mode=755"]), bundle: Self.bundle)
        #expect(ordered.data == "size=65536k,mode=755")
        #expect(!ordered.isBind)
    }

    @Test func propagationListInOrder() {
        let m = PlannedMount(Mount(destination: "/mnt", type: "bind", source: "/mnt",
                                   options: ["rbind", "rshared", "slave", "runbindable"]), bundle: Self.bundle)
        #expect(m.propagation == [MountFlags.shared | MountFlags.rec, MountFlags.slave, MountFlags.unbindable | MountFlags.rec])
    }

    @Test func recursiveAttributesAndRelativeDestination() {
        let m = PlannedMount(Mount(destination: "data", type: "bind", source: "/d", options: ["rbind", "rro", "rnosuid"]),
                             bundle: Self.bundle)
        #expect(m.destination == "/data")
        #expect(m.recursiveSet == MountAttributes.rdonly | MountAttributes.nosuid)
        #expect(m.recursiveClear == 0)
        #expect(!m.tmpcopyup && !m.idmapped)
    }

    @Test func tmpcopyupAndIdmap() {
        let t = PlannedMount(Mount(destination: "/etc", type: "tmpfs", source: "tmpfs", options: ["tmpcopyup"]), bundle: Self.bundle)
        #expect(t.tmpcopyup)
        #expect(t.data == "")
        let i = PlannedMount(Mount(destination: "/x", type: "bind", source: "/y", options: ["rbind", "idmap"]), bundle: Self.bundle)
        #expect(i.idmapped)
    }
}
