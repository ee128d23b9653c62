import Testing
@testable import StrunCLI

/// Argument lists exactly as containerd (go-runc), Docker and Podman/conmon send them.
@Suite("Client argument lists")
struct ClientArgumentTests {
    @Test func containerdCreate() throws {
        let p = try parse(["--root", "/run/containerd/runc/k8s.io", "--log", "/run/containerd/x/log.json",
                           "--log-format", "json", "create", "--bundle", "/b", "--pid-file", "/b/init.pid",
                           "--console-socket", "/tmp/pty.sock", "cid"])
        #expect(p.command.name == "create")
        #expect(p.value("root") == "/run/containerd/runc/k8s.io")
        #expect(p.value("log") == "/run/containerd/x/log.json")
        #expect(p.value("log-format") == "json")
        #expect(p.value("bundle") == "/b")
        #expect(p.value("pid-file") == "/b/init.pid")
        #expect(p.value("console-socket") == "/tmp/pty.sock")
        #expect(p.positionals == ["cid"])
        #expect(p.flags.isEmpty)
        #expect(!p.wantsHelp)
    }

    @Test func containerdStart() throws {
        let p = try parse(["--root", "/r", "--log", "/l", "--log-format", "json", "start", "cid"])
        #expect(p.command.name == "start")
        #expect(p.values == ["root": "/r", "log": "/l", "log-format": "json"])
        #expect(p.positionals == ["cid"])
    }

    @Test func containerdKillAll() throws {
        let p = try parse(["--root", "/r", "kill", "--all", "cid", "9"])
        #expect(p.command.name == "kill")
        #expect(p.has("all"))
        #expect(p.positionals == ["cid", "9"])
    }

    @Test func containerdDeleteForce() throws {
        let p = try parse(["--root", "/r", "delete", "--force", "cid"])
        #expect(p.command.name == "delete")
        #expect(p.has("force"))
        #expect(p.positionals == ["cid"])
    }

    @Test func containerdState() throws {
        let p = try parse(["--root", "/r", "state", "cid"])
        #expect(p.command.name == "state")
        #expect(p.value("root") == "/r")
        #expect(p.positionals == ["cid"])
    }

    @Test func dockerCreate() throws {
        let p = try parse(["--root", "/var/run/docker/runtime-runc/moby",
                           "--log", "/run/containerd/io.containerd.runtime.v2.task/moby/ID/log.json",
                           "--log-format", "json", "--systemd-cgroup", "create", "--bundle", "/b",
                           "--pid-file", "/b/init.pid", "ID"])
        #expect(p.command.name == "create")
        #expect(p.value("root") == "/var/run/docker/runtime-runc/moby")
        #expect(p.value("log") == "/run/containerd/io.containerd.runtime.v2.task/moby/ID/log.json")
        #expect(p.has("systemd-cgroup"))
        #expect(p.value("bundle") == "/b")
        #expect(p.value("pid-file") == "/b/init.pid")
        #expect(p.value("console-socket") == nil)
        #expect(p.positionals == ["ID"])
    }

    @Test func podmanCreate() throws {
        let p = try parse(["--systemd-cgroup", "--root", "/run/runc", "create", "--bundle", "/b",
                           "--pid-file", "/p", "--no-new-keyring", "ID"])
        #expect(p.has("systemd-cgroup"))
        #expect(p.has("no-new-keyring"))
        #expect(p.value("root") == "/run/runc")
        #expect(p.value("pid-file") == "/p")
        #expect(p.value("preserve-fds") == nil)
        #expect(p.positionals == ["ID"])
    }

    @Test func podmanPreserveFDs() throws {
        let p = try parse(["--systemd-cgroup", "--root", "/run/runc", "create", "--bundle", "/b",
                           "--pid-file", "/p", "--no-new-keyring", "--preserve-fds=2", "ID"])
        #expect(p.value("preserve-fds") == "2")
        #expect(p.positionals == ["ID"])
        let spaced = try parse(["create", "--preserve-fds", "2", "--bundle", "/b", "ID"])
        #expect(spaced.value("preserve-fds") == "2")
        #expect(spaced.positionals == ["ID"])
    }

    @Test func criOStyleRunDetached() throws {
        let p = try parse(["--root=/run/runc", "run", "--bundle=/b", "--pid-file=/p", "--detach", "ID"])
        #expect(p.command.name == "run")
        #expect(p.value("root") == "/run/runc")
        #expect(p.value("bundle") == "/b")
        #expect(p.has("detach"))
    }
}
