import Testing
import StrataSpec
import StrataSystem
@testable import StrataRuntime

@Suite("ExecProcessSpec")
struct ExecProcessSpecTests {
    static let container = Spec(process: Process(
        user: User(uid: 0, gid: 0), args: ["sleep", "1"], env: ["PATH=/bin", "A=old"], cwd: "/",
        capabilities: LinuxCapabilities(bounding: ["CAP_KILL"], effective: ["CAP_KILL"], permitted: ["CAP_KILL"]),
        noNewPrivileges: false))

    @Test func takesTheContainersProcessWithOverrides() throws {
        var options = ExecOptions(id: "c", args: ["sh", "-c", "true"])
        options.env = ["A=new", "B=1"]
        options.cwd = "/tmp"
        options.user = "1000:2000"
        options.additionalGids = ["5"]
        options.capabilities = ["sys_admin"]
        options.noNewPrivileges = true
        let p = try ExecProcessSpec.make(options, container: Self.container)
        #expect(p.args == ["sh", "-c", "true"])
        #expect(p.env == ["PATH=/bin", "A=new", "B=1"])
        #expect(p.cwd == "/tmp")
        #expect(p.user.uid == 1000 && p.user.gid == 2000 && p.user.additionalGids == [5])
        #expect(p.capabilities?.effective == ["CAP_KILL", "CAP_SYS_ADMIN"])
        #expect(p.capabilities?.bounding == ["CAP_KILL", "CAP_SYS_ADMIN"])
        // No inheritable set in the config: ambient stays as it was.
        #expect(p.capabilities?.ambient == nil)
        #expect(p.noNewPrivileges == true)
    }

    @Test func badOverridesNameTheFlag() {
        func failure(_ edit: (inout ExecOptions) -> Void) -> String? {
            var options = ExecOptions(id: "c", args: ["true"])
            edit(&options)
            do { _ = try ExecProcessSpec.make(options, container: Self.container); return nil } catch { return error.description }
        }
        #expect(failure { $0.user = "root" }?.contains("--user") == true)
        #expect(failure { $0.user = "1:x" }?.contains("--user") == true)
        #expect(failure { $0.additionalGids = ["wheel"] }?.contains("--additional-gids") == true)
        #expect(failure { $0.capabilities = ["CAP_FLY"] }?.contains("--cap") == true)
        #expect(failure { $0.cwd = "relative" }?.contains("absolute") == true)
        #expect(failure { $0.args = [] }?.contains("args") == true)
    }

    @Test func envMergeKeepsOrderAndReplacesInPlace() {
        #expect(ExecProcessSpec.merged(["A=1", "B=2"], ["B=3", "C=4", "A"]) == ["A", "B=3", "C=4"])
    }
}
