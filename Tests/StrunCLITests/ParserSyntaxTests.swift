import Testing
@testable import StrunCLI

@Suite("CommandLineParser syntax")
struct ParserSyntaxTests {
    @Test func goSingleDashLongForm() throws {
        let p = try parse(["-root", "/r", "-log-format", "json", "create", "-bundle", "/b", "-pid-file", "/p", "x"])
        #expect(p.value("root") == "/r")
        #expect(p.value("log-format") == "json")
        #expect(p.value("bundle") == "/b")
        #expect(p.value("pid-file") == "/p")
        #expect(p.positionals == ["x"])
    }

    @Test func inlineValues() throws {
        let p = try parse(["--root=/r", "--log=/var/log/strun.log", "create", "--bundle=/a=b", "-pid-file=/p", "x"])
        #expect(p.value("root") == "/r")
        #expect(p.value("log") == "/var/log/strun.log")
        #expect(p.value("bundle") == "/a=b", "only the first = splits")
        #expect(p.value("pid-file") == "/p")
        #expect(try parse(["create", "--pid-file=", "x"]).value("pid-file") == "")
    }

    @Test func shortForms() throws {
        let p = try parse(["run", "-b", "/bundle", "-d", "x"])
        #expect(p.value("bundle") == "/bundle")
        #expect(p.has("detach"))
        #expect(try parse(["create", "-b=/q", "x"]).value("bundle") == "/q")
        #expect(try parse(["delete", "-f", "x"]).has("force"))
        #expect(try parse(["kill", "-a", "x", "KILL"]).has("all"))
    }

    @Test func booleanValues() throws {
        #expect(try !parse(["run", "--detach=false", "x"]).has("detach"))
        #expect(try parse(["run", "--detach=true", "x"]).has("detach"))
        #expect(try parse(["run", "--detach=1", "x"]).has("detach"))
        #expect(try !parse(["run", "-d", "--detach=false", "x"]).has("detach"), "a later false clears an earlier flag")
        #expect(try !parse(["run", "--detach=0", "x"]).has("detach"))
        #expect(try parse(["--debug=true", "state", "x"]).has("debug"))
    }

    @Test func doubleDashEndsOptions() throws {
        let p = try parse(["delete", "--", "-odd-id"])
        #expect(p.positionals == ["-odd-id"])
        #expect(!p.has("force"))
        let k = try parse(["kill", "--all", "--", "x", "--force"])
        #expect(k.positionals == ["x", "--force"])
        #expect(k.has("all"))
    }

    @Test func globalsAfterTheSubcommand() throws {
        let p = try parse(["state", "x", "--root", "/r", "--log-format=json", "--debug"])
        #expect(p.value("root") == "/r")
        #expect(p.value("log-format") == "json")
        #expect(p.has("debug"))
        #expect(p.positionals == ["x"])
        let mixed = try parse(["--root", "/a", "delete", "--root", "/b", "x"])
        #expect(mixed.value("root") == "/b", "the later value wins")
    }

    @Test func flagsAfterPositionals() throws {
        let p = try parse(["kill", "x", "SIGKILL", "--all"])
        #expect(p.positionals == ["x", "SIGKILL"])
        #expect(p.has("all"))
    }

    @Test func specRootlessFlagVersusGlobalRootlessValue() throws {
        let spec = try parse(["spec", "--rootless"])
        #expect(spec.command.name == "spec")
        #expect(spec.has("rootless"))
        #expect(spec.value("rootless") == nil)
        #expect(spec.positionals.isEmpty)
        let global = try parse(["--rootless", "true", "spec"])
        #expect(global.value("rootless") == "true")
        #expect(!global.has("rootless"))
        let both = try parse(["--rootless", "false", "spec", "--rootless", "-b", "/b"])
        #expect(both.value("rootless") == "false")
        #expect(both.has("rootless"))
        #expect(both.value("bundle") == "/b")
    }

    @Test func listQuietJSON() throws {
        let p = try parse(["list", "-q", "--format", "json"])
        #expect(p.command.name == "list")
        #expect(p.has("quiet"))
        #expect(p.value("format") == "json")
        #expect(try parse(["list", "-f", "table"]).value("format") == "table")
    }

    @Test func lsAlias() throws {
        let p = try parse(["--root", "/r", "ls", "--quiet"])
        #expect(p.command.name == "list")
        #expect(p.has("quiet"))
    }

    @Test func dashAloneIsAPositional() throws {
        #expect(try parse(["state", "-"]).positionals == ["-"])
    }

    @Test func helpOnACommand() throws {
        let p = try parse(["create", "--help"])
        #expect(p.wantsHelp)
        #expect(p.command.name == "create")
        #expect(p.positionals.isEmpty, "help skips the argument count check")
        #expect(try parse(["kill", "-h"]).wantsHelp)
        let before = try parse(["--help", "state"])
        #expect(before.wantsHelp)
        #expect(before.command.name == "state")
    }

    @Test func everyCommandIsReachable() throws {
        for spec in Commands.specs {
            let argv = [spec.name] + Array(repeating: "x", count: spec.minArguments)
            #expect(try parse(argv).command.name == spec.name)
        }
        #expect(Commands.specs.map(\.name) == ["create", "start", "state", "kill", "delete", "run", "exec", "list", "pause", "resume",
                                                 "ps", "update", "events", "spec", "features"])
    }
}
