import Testing
@testable import StrataSpec

@Suite struct MountOptionsTests {
    @Test func flagValuesMatchTheKernel() {
        #expect(MountFlags.rdonly == 1 && MountFlags.nosuid == 2 && MountFlags.nodev == 4 && MountFlags.noexec == 8)
        #expect(MountFlags.bind == 4096 && MountFlags.rec == 16384 && MountFlags.private == 262_144)
        #expect(MountFlags.shared == 1 << 20 && MountFlags.strictatime == 1 << 24 && MountFlags.lazytime == 1 << 25)
    }

    @Test func runcDevMount() {
        let parsed = parseMountOptions(["nosuid", "strictatime", "mode=755", "size=65536k"])
        #expect(parsed.flags == MountFlags.nosuid | MountFlags.strictatime)
        #expect(parsed.data == "mode=755,size=65536k")
        #expect(parsed.propagationFlags.isEmpty)
    }

    @Test func bindWithPropagationAndClears() {
        let parsed = MountOptions.parse(["rbind", "ro", "rprivate", "rw", "nosuid", "suid", "slave"])
        #expect(parsed.flags == MountFlags.bind | MountFlags.rec)
        #expect(parsed.clearedFlags == MountFlags.rdonly | MountFlags.nosuid)
        #expect(parsed.propagationFlags == [MountFlags.private | MountFlags.rec, MountFlags.slave])
        #expect(parsed.data == "")
    }

    @Test func laterOptionWins() {
        let parsed = MountOptions.parse(["rw", "ro"])
        #expect(parsed.flags == MountFlags.rdonly)
        #expect(parsed.clearedFlags == 0)
    }

    @Test func recursiveAttributes() {
        let parsed = MountOptions.parse(["rbind", "rro", "rnosuid", "rnoatime", "rexec"])
        #expect(parsed.recursiveAttrSet == MountAttributes.rdonly | MountAttributes.nosuid | MountAttributes.noatime)
        #expect(parsed.recursiveAttrClear == MountAttributes.atimeMask | MountAttributes.noexec)
        let relatime = MountOptions.parse(["rnoatime", "rrelatime"])
        #expect(relatime.recursiveAttrSet == 0)
        #expect(relatime.recursiveAttrClear == MountAttributes.atimeMask)
    }

    @Test func extensionsAndUnknownOptions() {
        let parsed = MountOptions.parse(["tmpcopyup", "ridmap", "uid=1000", "nr_inodes=1k", "defaults"])
        #expect(parsed.tmpcopyup)
        #expect(parsed.idmap == .ridmap)
        #expect(parsed.data == "uid=1000,nr_inodes=1k")
        #expect(parsed.flags == 0)
        #expect(MountOptions.knownNames.contains("rro") && MountOptions.knownNames.contains("idmap"))
    }
}
