import Testing
import StrataSpec
import StrataSystem
@testable import StrataRuntime

@Suite("SeccompCompiler")
struct SeccompCompilerTests {
    static func rule(_ names: [String], _ action: String, errnoRet: UInt? = nil, args: [LinuxSeccompArg]? = nil) -> LinuxSyscall {
        LinuxSyscall(names: names, action: action, errnoRet: errnoRet, args: args)
    }

    static func failure(_ seccomp: LinuxSeccomp) -> String? {
        do {
            _ = try SeccompCompiler.compile(seccomp)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func actionValuesMatchSeccompH() throws {
        #expect(try SeccompCompiler.action("SCMP_ACT_ALLOW", errnoRet: nil, field: "f") == 0x7fff_0000)
        #expect(try SeccompCompiler.action("SCMP_ACT_ERRNO", errnoRet: nil, field: "f") == 0x0005_0001)
        #expect(try SeccompCompiler.action("SCMP_ACT_ERRNO", errnoRet: 38, field: "f") == 0x0005_0026)
        #expect(try SeccompCompiler.action("SCMP_ACT_TRACE", errnoRet: 7, field: "f") == 0x7ff0_0007)
        #expect(try SeccompCompiler.action("SCMP_ACT_KILL_PROCESS", errnoRet: nil, field: "f") == 0x8000_0000)
        #expect(try SeccompCompiler.action("SCMP_ACT_KILL", errnoRet: nil, field: "f") == 0)
        #expect(try SeccompCompiler.action("SCMP_ACT_NOTIFY", errnoRet: nil, field: "f") == 0x7fc0_0000)
    }

    @Test func compilesTheHardenedProfile() throws {
        let program = try SeccompCompiler.compile(HardenedSeccompProfile.profile())
        #expect(program.instructionCount > 100 && program.instructionCount <= 4096)
        #expect(program.bpf.count == program.instructionCount * 8)
        #expect(!program.notifies && program.flags & SeccompFlags.newListener == 0)
        #expect(Set(HardenedSeccompProfile.allowedSyscalls).count == HardenedSeccompProfile.allowedSyscalls.count)
        for denied in ["mount", "unshare", "setns", "ptrace", "bpf", "keyctl", "kexec_load", "init_module", "open_by_handle_at"] {
            #expect(!HardenedSeccompProfile.allowedSyscalls.contains(denied), "\(denied) must not be allowed")
        }
    }

    @Test func notifyNeedsAListenerAndAsksForOne() throws {
        var seccomp = LinuxSeccomp(defaultAction: "SCMP_ACT_ALLOW", syscalls: [Self.rule(["mkdir"], "SCMP_ACT_NOTIFY")])
        #expect(Self.failure(seccomp) == "validate linux.seccomp.listenerPath: required when an action is SCMP_ACT_NOTIFY")
        seccomp.listenerPath = "/run/agent.sock"
        seccomp.listenerMetadata = "m"
        let program = try SeccompCompiler.compile(seccomp)
        #expect(program.notifies)
        #expect(program.flags & SeccompFlags.newListener != 0)
        #expect(program.listenerPath == "/run/agent.sock" && program.listenerMetadata == "m")
    }

    @Test func notifyAsTheDefaultIsRefused() {
        let seccomp = LinuxSeccomp(defaultAction: "SCMP_ACT_NOTIFY", listenerPath: "/s")
        #expect(Self.failure(seccomp)?.contains("linux.seccomp.defaultAction") == true)
    }

    @Test func notifyOnSendmsgIsRefused() {
        let seccomp = LinuxSeccomp(defaultAction: "SCMP_ACT_ALLOW", listenerPath: "/s",
                                   syscalls: [Self.rule(["sendmsg"], "SCMP_ACT_NOTIFY")])
        #expect(Self.failure(seccomp)?.contains("linux.seccomp.syscalls[0]") == true)
    }

    @Test func unknownSyscallsAreSkippedAndDefaultActionRulesDropped() throws {
        let seccomp = LinuxSeccomp(defaultAction: "SCMP_ACT_ALLOW", syscalls: [
            Self.rule(["no_such_call", "mkdir"], "SCMP_ACT_ERRNO"),
            Self.rule(["getpid"], "SCMP_ACT_ALLOW"),
        ])
        #expect(try SeccompCompiler.compile(seccomp).instructionCount > 0)
    }

    @Test func badProfilesNameTheField() {
        let cases: [(LinuxSeccomp, String)] = [
            (LinuxSeccomp(defaultAction: "SCMP_ACT_WHAT"), "linux.seccomp.defaultAction"),
            (LinuxSeccomp(defaultAction: "SCMP_ACT_ALLOW", architectures: ["SCMP_ARCH_Z80"]), "linux.seccomp.architectures[0]"),
            (LinuxSeccomp(defaultAction: "SCMP_ACT_ALLOW", flags: ["SECCOMP_FILTER_FLAG_NOPE"]), "linux.seccomp.flags[0]"),
            (LinuxSeccomp(defaultAction: "SCMP_ACT_ALLOW", syscalls: [Self.rule(["mkdir"], "SCMP_ACT_NOPE")]),
             "linux.seccomp.syscalls[0].action"),
            (LinuxSeccomp(defaultAction: "SCMP_ACT_ALLOW", syscalls: [Self.rule(["mkdir"], "SCMP_ACT_ALLOW", errnoRet: 1)]),
             "linux.seccomp.syscalls[0].action"),
            (LinuxSeccomp(defaultAction: "SCMP_ACT_ALLOW", syscalls: [
                Self.rule(["mkdir"], "SCMP_ACT_ERRNO", args: [LinuxSeccompArg(index: 6, value: 0, op: "SCMP_CMP_EQ")])]),
             "linux.seccomp.syscalls[0].args[0].index"),
            (LinuxSeccomp(defaultAction: "SCMP_ACT_ALLOW", syscalls: [
                Self.rule(["mkdir"], "SCMP_ACT_ERRNO", args: [LinuxSeccompArg(index: 0, value: 0, op: "SCMP_CMP_ABOUT")])]),
             "linux.seccomp.syscalls[0].args[0].op"),
        ]
        for (seccomp, field) in cases {
            let message = Self.failure(seccomp)
            #expect(message?.contains(field) == true, "\(message ?? "no error") should name \(field)")
        }
    }

    @Test func architectureNames() {
        #expect(SeccompCompiler.architecture("SCMP_ARCH_X86_64") != 0)
        #expect(SeccompCompiler.architecture("SCMP_ARCH_AARCH64") != 0)
        #expect(SeccompCompiler.architecture("x86_64") == 0)
        #expect(SeccompCompiler.architectureNames.contains("SCMP_ARCH_X32"))
    }

    @Test func waitKillableNeedsAListener() throws {
        let plain = LinuxSeccomp(defaultAction: "SCMP_ACT_ALLOW", flags: ["SECCOMP_FILTER_FLAG_WAIT_KILLABLE_RECV"],
                                 syscalls: [Self.rule(["mkdir"], "SCMP_ACT_ERRNO")])
        #expect(try SeccompCompiler.compile(plain).flags & SeccompFlags.waitKillableRecv == 0)
    }

    @Test func processStateIsTheSpecShape() throws {
        let state = ContainerState(ociVersion: "1.2.0", id: "c1", pid: 7, status: .creating, bundle: "/b")
        let bytes = ContainerProcessState(ociVersion: "1.2.0", fds: ["seccompFd"], pid: 7, metadata: "x", state: state).jsonBytes()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(#"{"ociVersion":"1.2.0","fds":["seccompFd"],"pid":7,"metadata":"x","state":{"#))
        #expect(text.contains(#""status":"creating""#))
    }
}

@Suite("SeccompCache")
struct SeccompCacheTests {
    @Test func entryRoundTripsAndRejectsAnotherProfile() {
        let key = Array("profile-a".utf8)
        let bpf: [UInt8] = Array(repeating: 7, count: 16)
        let cache = KeyedFileCache(directory: "/nonexistent", magic: SeccompCache.magic)
        let entry = cache.encode(bpf, key: key)
        #expect(cache.decode(entry, key: key) == bpf)
        #expect(cache.decode(entry, key: Array("profile-b".utf8)) == nil)
        #expect(cache.decode(Array(entry.dropLast(3)), key: key) == nil)
        #expect(cache.decode(Array(entry.prefix(10)), key: key) == nil)
        var flipped = entry
        flipped[flipped.count - 1] ^= 1
        #expect(cache.decode(flipped, key: key) == nil, "a changed program must not pass its checksum")
        #expect(SeccompCache.program(Array(repeating: 1, count: 12)) == nil, "not whole instructions")
    }

    @Test func cachedProgramEqualsACompiledOne() throws {
        let dir = try TemporaryDirectory("seccomp-cache")
        defer { dir.remove() }
        var profile = HardenedSeccompProfile.profile()
        let compiled = try SeccompCompiler.compile(profile)
        let first = try SeccompCache.program(for: profile, root: dir.path)
        let second = try SeccompCache.program(for: profile, root: dir.path)
        #expect(first.bpf == compiled.bpf && second.bpf == compiled.bpf)
        #expect((try Files.list(dir.path + "/@seccomp")).count == 1)
        // The listener does not change the filter, so it shares the entry.
        profile.listenerPath = "/run/agent.sock"
        profile.syscalls?.append(LinuxSyscall(names: ["mount"], action: "SCMP_ACT_NOTIFY"))
        let notifying = try SeccompCache.program(for: profile, root: dir.path)
        #expect(notifying.notifies && notifying.bpf != compiled.bpf)
        #expect((try Files.list(dir.path + "/@seccomp")).count == 2)
    }

    @Test func hashIsStable() {
        #expect(KeyedFileCache.hex(KeyedFileCache.fnv1a(Array("a".utf8))) == "af63dc4c8601ec8c")
        #expect(KeyedFileCache.hex(1) == "0000000000000001")
    }
}
