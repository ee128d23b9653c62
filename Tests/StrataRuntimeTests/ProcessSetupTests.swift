import Testing
import StrataSystem
import StrataSpec
@testable import StrataRuntime

@Suite("ProcessSetup")
struct ProcessSetupTests {
    @Test func rlimitNumbersCoverAllSixteen() {
        #expect(ProcessSetup.rlimitNumbers.count == 16)
        #expect(Rlimits.names.count == 16)
        for (number, name) in Rlimits.names.enumerated() {
            #expect(ProcessSetup.rlimitNumbers[name] == Int32(number), "\(name)")
        }
        #expect(ProcessSetup.rlimitNumbers["RLIMIT_NOFILE"] == 7)
        #expect(ProcessSetup.rlimitNumbers["RLIMIT_NPROC"] == 6)
        #expect(ProcessSetup.rlimitNumbers["RLIMIT_RTTIME"] == 15)
    }

    @Test func capabilityMask() throws {
        #expect(try ProcessSetup.mask(nil, last: 40) == 0)
        #expect(try ProcessSetup.mask([], last: 40) == 0)
        #expect(try ProcessSetup.mask(["CAP_CHOWN"], last: 40) == 1)
        #expect(try ProcessSetup.mask(["CAP_KILL", "CAP_CHOWN", "CAP_KILL"], last: 40) == (1 << 5) | 1)
        // Docker's default set.
        let docker = ["CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER", "CAP_MKNOD", "CAP_NET_RAW",
                      "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP", "CAP_NET_BIND_SERVICE",
                      "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE"]
        #expect(try ProcessSetup.mask(docker, last: 40) == 0x00000000a80425fb)
        #expect(try ProcessSetup.mask(Capabilities.names, last: 40) == (1 << 41) - 1)
    }

    @Test func capabilitiesAboveLastAreSkipped() throws {
        #expect(try ProcessSetup.mask(["CAP_BPF", "CAP_PERFMON", "CAP_CHECKPOINT_RESTORE"], last: 37) == 0)
        #expect(try ProcessSetup.mask(["CAP_AUDIT_READ", "CAP_BPF"], last: 37) == 1 << 37)
        #expect(try ProcessSetup.mask(Capabilities.names, last: 35) == (1 << 36) - 1)
    }

    @Test func unknownCapabilityNamesIt() {
        let error = #expect(throws: StrataError.self) { try ProcessSetup.mask(["CAP_CHOWN", "CAP_FLY"], last: 40) }
        #expect(error?.object == "CAP_FLY")
        #expect(error?.description.contains("CAP_FLY") == true)
        // Names are case-sensitive, as in runc.
        #expect(throws: StrataError.self) { try ProcessSetup.mask(["cap_chown"], last: 40) }
    }

    /// Issue 16: no PATH in process.env means runc's default PATH for the lookup.
    @Test func lookupWithoutPathUsesRuncsDefault() throws {
        #expect(ProcessSetup.defaultPath == "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin")
        #expect(try ProcessSetup.resolveExecutable("sh", env: ["A=1"]).hasSuffix("/sh"))
        #expect(throws: StrataError.self) { try ProcessSetup.resolveExecutable("sh", env: ["PATH=/strata-nowhere"]) }
    }

    /// Issue 16: /proc/self/exe is the runtime itself, refused with a message (it exited 127
    /// in silence through the exec stub).
    @Test func theRuntimesOwnExecutableIsRefused() {
        do {
            _ = try ProcessSetup.resolveExecutable("/proc/self/exe", env: [])
            Issue.record("accepted /proc/self/exe")
        } catch {
            #expect(error.description.contains("the runtime's own executable"), "\(error)")
        }
    }

    @Test func environmentKeepsAnExistingHome() {
        let env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/srv", "TERM=xterm"]
        #expect(ProcessSetup.environment(env, uid: 0) == env)
        #expect(ProcessSetup.environment(["HOME="], uid: 1000) == ["HOME="])
    }

    @Test func environmentAppendsHomeWhenMissing() {
        let env = ["PATH=/bin", "HOMEDIR=/x", "MY_HOME=/y"]
        let out = ProcessSetup.environment(env, uid: 0)
        #expect(out.count == env.count + 1)
        #expect(Array(out.prefix(env.count)) == env)
        #expect(out.last?.hasPrefix("HOME=/") == true)
        // A uid with no passwd entry gets "/".
        #expect(ProcessSetup.environment([], uid: 3_999_999_999) == ["HOME=/"])
    }
}
