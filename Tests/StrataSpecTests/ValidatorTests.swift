#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import Testing
@testable import StrataSpec

@Suite struct ValidatorTests {
    private func problems(_ edit: (inout Spec) -> Void) -> [String] {
        var spec = Spec.defaultConfig()
        edit(&spec)
        return spec.problems().map(\.description)
    }

    @Test(arguments: allFixtures)
    func clientConfigsAreValid(name: String, text: String) throws {
        let spec = try Spec.load(fromJSON: Array(text.utf8))
        #expect(spec.problems() == [], "fixture \(name)")
    }

    @Test func requiredMembers() {
        #expect(problems { $0.ociVersion = "" } == ["ociVersion: must be set"])
        #expect(problems { $0.root = nil } == ["root: must be set"])
        #expect(problems { $0.root?.path = "" } == ["root.path: must be set"])
        #expect(problems { $0.process?.args = [] } == ["process.args: must not be empty"])
        #expect(problems { $0.process?.args = nil } == ["process.args: must not be empty"])
        #expect(problems { $0.process?.cwd = "work" } == ["process.cwd: must be an absolute path, got \"work\""])
        #expect(problems { $0.process = nil } == [])
    }

    @Test func namespaces() {
        #expect(problems { $0.linux?.namespaces?.append(LinuxNamespace(type: "net")) }
            == ["linux.namespaces[5].type: unknown namespace type \"net\""])
        #expect(problems { $0.linux?.namespaces?.append(LinuxNamespace(type: "pid")) }
            == ["linux.namespaces[5].type: duplicate namespace type \"pid\""])
        #expect(problems { $0.linux?.uidMappings = [LinuxIDMapping(containerID: 0, hostID: 1000, size: 1)] }
            == ["linux.uidMappings: set without a user namespace"])
        #expect(problems { $0.linux?.gidMappings = [LinuxIDMapping(containerID: 0, hostID: 1000, size: 1)] }
            == ["linux.gidMappings: set without a user namespace"])
        #expect(problems { $0.linux?.timeOffsets = ["boottime": LinuxTimeOffset(secs: 1)] }
            == ["linux.timeOffsets: set without a time namespace"])
        #expect(problems {
            $0.linux?.namespaces?.append(LinuxNamespace(type: "time"))
            $0.linux?.timeOffsets = ["realtime": LinuxTimeOffset(secs: 1)]
        } == ["linux.timeOffsets: unknown clock \"realtime\", expected boottime or monotonic"])
        #expect(problems { $0.linux?.namespaces?.removeAll { $0.type == "uts" } } == ["hostname: set without a uts namespace"])
        #expect(problems {
            $0.linux?.namespaces?.removeAll { $0.type == "uts" }
            $0.hostname = nil
            $0.domainname = "example"
        } == ["domainname: set without a uts namespace"])
        // A new user namespace also needs its maps (userNamespaceMappings).
        for type in NamespaceTypes.all where type != "user" {
            #expect(problems { $0.linux?.namespaces = [LinuxNamespace(type: type)]; $0.hostname = nil } == [])
        }
    }

    @Test func sysctlsNeedTheirNamespace() {
        let noNamespaces: (inout Spec) -> Void = { $0.linux?.namespaces = [LinuxNamespace(type: "mount")]; $0.hostname = nil }
        let cases: [(String, String)] = [
            ("net.ipv4.ip_forward", "needs a network namespace"),
            ("kernel.msgmax", "needs an ipc namespace"),
            ("kernel.sem", "needs an ipc namespace"),
            ("kernel.shm_rmid_forced", "needs an ipc namespace"),
            ("fs.mqueue.queues_max", "needs an ipc namespace"),
            ("kernel.hostname", "needs a uts namespace"),
            ("kernel.domainname", "needs a uts namespace"),
            ("vm.swappiness", "not in a separate kernel namespace"),
        ]
        for (name, reason) in cases {
            #expect(problems { noNamespaces(&$0); $0.linux?.sysctl = [name: "1"] } == ["linux.sysctl[\"\(name)\"]: \(reason)"])
        }
        #expect(problems { $0.linux?.sysctl = ["net.ipv4.ip_forward": "1", "kernel.shmmax": "1", "kernel.domainname": "x"] } == [])
    }

    @Test func processSettings() {
        #expect(problems { $0.process?.capabilities?.bounding?.append("CAP_FLY") }
            == ["process.capabilities.bounding[3]: unknown capability \"CAP_FLY\""])
        #expect(problems { $0.process?.capabilities?.ambient = ["CAP_CHECKPOINT_RESTORE", "CAP_BPF", "CAP_PERFMON"] } == [])
        #expect(problems { $0.process?.rlimits?.append(POSIXRlimit(type: "RLIMIT_FILES", hard: 1, soft: 1)) }
            == ["process.rlimits[1].type: unknown rlimit type \"RLIMIT_FILES\""])
        #expect(problems { $0.process?.rlimits?.append(POSIXRlimit(type: "RLIMIT_NOFILE", hard: 1, soft: 1)) }
            == ["process.rlimits[1].type: duplicate rlimit type \"RLIMIT_NOFILE\""])
        #expect(problems { $0.process?.rlimits = [POSIXRlimit(type: "RLIMIT_CORE", hard: 1, soft: 2)] }
            == ["process.rlimits[0]: soft limit 2 is greater than hard limit 1"])
        #expect(problems { $0.process?.oomScoreAdj = 1001 } == ["process.oomScoreAdj: must be between -1000 and 1000, got 1001"])
    }

    /// Issue 16: runc refuses an env entry without "="; it was dropped in silence.
    @Test func environmentEntriesNeedAnEqualsSign() {
        #expect(problems { $0.process?.env = ["PATH=/bin", "FOO"] }
            == ["process.env[1]: invalid environment variable \"FOO\": no \"=\" between name and value"])
        #expect(problems { $0.process?.env = ["=x"] } == ["process.env[0]: invalid environment variable \"=x\": the name is empty"])
        #expect(problems { $0.process?.env = ["A=", "B==c", "C=d=e"] } == [])
    }

    /// Issue 16: a new user namespace needs maps, and the process's ids must be in them.
    @Test func userNamespaceMappings() {
        let userNS: (inout Spec) -> Void = { $0.linux?.namespaces?.append(LinuxNamespace(type: "user")) }
        let maps: (inout Spec) -> Void = {
            userNS(&$0)
            $0.linux?.uidMappings = [LinuxIDMapping(containerID: 0, hostID: 100000, size: 1000)]
            $0.linux?.gidMappings = [LinuxIDMapping(containerID: 0, hostID: 100000, size: 10),
                                     LinuxIDMapping(containerID: 100, hostID: 200000, size: 10)]
        }
        #expect(problems(userNS) == ["linux.uidMappings: a new user namespace needs uid mappings (none given)",
                                     "linux.gidMappings: a new user namespace needs gid mappings (none given)"])
        // Joining one by path brings its maps along.
        #expect(problems { $0.linux?.namespaces?.append(LinuxNamespace(type: "user", path: "/proc/1/ns/user")) } == [])
        #expect(problems(maps) == [])
        #expect(problems { maps(&$0); $0.process?.user.uid = 999; $0.process?.user.gid = 105 } == [])
        #expect(problems { maps(&$0); $0.process?.user.uid = 1000 }
            == ["process.user.uid: 1000 is not mapped in the container's user namespace (linux.uidMappings)"])
        #expect(problems { maps(&$0); $0.process?.user.gid = 50; $0.process?.user.additionalGids = [1, 110] }
            == ["process.user.gid: 50 is not mapped in the container's user namespace (linux.gidMappings)",
                "process.user.additionalGids[1]: 110 is not mapped in the container's user namespace (linux.gidMappings)"])
        // A range at the top of the id space does not overflow.
        #expect(problems {
            maps(&$0)
            $0.linux?.uidMappings = [LinuxIDMapping(containerID: UInt32.max - 1, hostID: 1, size: UInt32.max)]
            $0.process?.user.uid = UInt32.max
        } == [])
    }

    @Test func mountsDevicesAndHooks() {
        #expect(problems { $0.mounts?.append(Mount(destination: "data", type: "bind", source: "/d")) }
            == ["mounts[7].destination: must be an absolute path, got \"data\""])
        #expect(problems { $0.linux?.devices = [LinuxDevice(path: "/dev/x", type: "s", major: 1, minor: 1)] }
            == ["linux.devices[0].type: must be one of c, b, u, p, got \"s\""])
        for type in ["c", "b", "u", "p"] {
            #expect(problems { $0.linux?.devices = [LinuxDevice(path: "/dev/x", type: type, major: 1, minor: 1)] } == [])
        }
        #expect(problems { $0.hooks = Hooks(poststart: [Hook(path: "hook", timeout: 0)]) }
            == ["hooks.poststart[0].path: must be an absolute path, got \"hook\"", "hooks.poststart[0].timeout: must be positive, got 0"])
        #expect(problems { $0.linux?.rootfsPropagation = "sideways" } == ["linux.rootfsPropagation: unknown propagation \"sideways\""])
        #expect(problems { $0.linux?.seccomp = LinuxSeccomp(defaultAction: "SCMP_ACT_NOPE") }
            == ["linux.seccomp.defaultAction: unknown action \"SCMP_ACT_NOPE\""])
    }

    @Test func allProblemsAreReportedAtOnce() throws {
        let text = #"{"process":{"cwd":"rel","user":{"uid":0,"gid":0}},"mounts":[{"destination":"x"}],"linux":{"namespaces":[{"type":"bogus"}]}}"#
        let spec = try Spec.load(fromJSON: Array(text.utf8))
        #expect(spec.problems().map(\.path) == ["ociVersion", "root", "process.args", "process.cwd", "mounts[0].destination", "linux.namespaces[0].type"])
        #expect {
            try spec.validate()
        } throws: { error in
            guard let error = error as? SpecError else { return false }
            return error.kind == .invalid && error.description.hasPrefix("invalid config: ociVersion: must be set; root: must be set;")
        }
    }

    @Test func rootfsCheckNamesThePath() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("strataspec-rootfs-\(UInt32.random(in: 0...UInt32.max))").path
        try FileManager.default.createDirectory(atPath: dir + "/rootfs", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let spec = Spec.defaultConfig()
        #expect(SpecValidator.checkRootfs(of: spec, bundle: dir) == nil)
        #expect(SpecValidator.checkRootfs(of: spec, bundle: dir + "/missing")?.description
            == "root.path: rootfs \(dir)/missing/rootfs does not exist")
        var absolute = spec
        absolute.root?.path = dir + "/rootfs"
        #expect(absolute.rootfsPath(bundle: "/elsewhere") == dir + "/rootfs")
        #expect(SpecValidator.checkRootfs(of: absolute, bundle: "/elsewhere") == nil)
    }
}
