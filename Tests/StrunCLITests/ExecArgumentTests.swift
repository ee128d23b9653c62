import Testing
@testable import StrunCLI

/// `exec` argument lists as containerd's go-runc, Docker and conmon send them.
@Suite("exec argument lists")
struct ExecArgumentTests {
    @Test func containerdExecWithProcessFile() throws {
        // go-runc: exec --process FILE --detach --pid-file FILE [--console-socket S] ID
        let p = try parse(["--root", "/run/containerd/runc/default", "--log", "/l.json", "--log-format", "json",
                           "exec", "--process", "/tmp/runc-process123", "--detach", "--pid-file", "/b/exec.pid",
                           "--console-socket", "/tmp/pty.sock", "cid"])
        #expect(p.command.name == "exec")
        #expect(p.value("process") == "/tmp/runc-process123")
        #expect(p.has("detach"))
        #expect(p.value("pid-file") == "/b/exec.pid")
        #expect(p.value("console-socket") == "/tmp/pty.sock")
        #expect(p.positionals == ["cid"])
    }

    @Test func commandArgumentsAreNotParsedAsFlags() throws {
        let p = try parse(["exec", "-t", "--env", "A=1", "-e", "B=2", "--cap", "CAP_SYS_ADMIN", "cid",
                           "sh", "-c", "echo --help -d"])
        #expect(p.has("tty"))
        #expect(p.all("env") == ["A=1", "B=2"])
        #expect(p.all("cap") == ["CAP_SYS_ADMIN"])
        #expect(p.positionals == ["cid", "sh", "-c", "echo --help -d"])
        #expect(!p.wantsHelp && !p.has("detach"))
    }

    @Test func doubleDashAfterTheIdIsDropped() throws {
        let p = try parse(["exec", "cid", "--", "ls", "-l"])
        #expect(p.positionals == ["cid", "ls", "-l"])
    }

    @Test func conmonExec() throws {
        // conmon/Podman: exec --pid-file P --process F --detach --tty --console-socket S ID
        let p = try parse(["--root", "/run/runc", "--systemd-cgroup", "exec", "--pid-file", "/p", "--process", "/f",
                           "--detach", "--tty", "--console-socket", "/s", "--preserve-fds", "2", "cid"])
        #expect(p.value("process") == "/f" && p.value("preserve-fds") == "2")
        #expect(p.has("tty") && p.has("detach") && p.has("systemd-cgroup"))
        #expect(p.positionals == ["cid"])
    }

    @Test func repeatedAdditionalGids() throws {
        let p = try parse(["exec", "--additional-gids", "10", "-g", "20", "--user", "1000:1000", "cid", "id"])
        #expect(p.all("additional-gids") == ["10", "20"])
        #expect(p.value("user") == "1000:1000")
    }
}
