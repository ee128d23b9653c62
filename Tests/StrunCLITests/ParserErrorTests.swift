import Testing
@testable import StrunCLI

@Suite("CommandLineParser errors")
struct ParserErrorTests {
    @Test func unknownFlagNamesItAndTheCommand() throws {
        let text = try #require(parseError(["create", "--bundel", "/b", "x"]))
        #expect(text.contains("--bundel"))
        #expect(text.contains("create"))
        #expect(text.hasPrefix("flag provided but not defined"))
    }

    @Test func unknownGlobalFlag() throws {
        let text = try #require(parseError(["--rot", "/r", "state", "x"]))
        #expect(text == "flag provided but not defined: --rot")
    }

    @Test func missingValue() throws {
        let atEnd = try #require(parseError(["--root"]))
        #expect(atEnd == "flag needs an argument: --root")
        let afterCommand = try #require(parseError(["create", "x", "--bundle"]))
        #expect(afterCommand == "flag needs an argument: --bundle")
    }

    @Test func missingContainerID() throws {
        let text = try #require(parseError(["--root", "/r", "start"]))
        #expect(text.contains("\"start\" requires <container-id>"))
        #expect(parseError(["kill"]) != nil)
        #expect(parseError(["create", "--bundle", "/b"]) != nil)
    }

    @Test func extraPositional() throws {
        let text = try #require(parseError(["delete", "a", "b"]))
        #expect(text.contains("\"delete\""))
        #expect(text.contains("unexpected \"b\""))
        #expect(parseError(["kill", "x", "9", "extra"])?.contains("unexpected \"extra\"") == true)
        #expect(parseError(["features", "x"])?.contains("takes no arguments") == true)
    }

    @Test func unknownCommand() throws {
        let text = try #require(parseError(["--root", "/r", "checkpoint", "x"]))
        #expect(text.contains("no such command \"checkpoint\""))
        #expect(parseError([])?.contains("no command given") == true)
        #expect(parseError(["--root", "/r"])?.contains("no command given") == true)
    }

    @Test func invalidBoolean() throws {
        let text = try #require(parseError(["run", "--detach=maybe", "x"]))
        #expect(text.contains("invalid boolean value \"maybe\""))
        #expect(text.contains("--detach"))
    }
}
