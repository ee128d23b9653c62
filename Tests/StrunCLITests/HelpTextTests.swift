import Testing
@testable import StrunCLI

@Suite("HelpText")
struct HelpTextTests {
    @Test func mainListsEveryCommandAndGlobalOption() {
        let text = HelpText.main(Commands.specs)
        for spec in Commands.specs {
            #expect(text.contains("   \(spec.name) "), "command \(spec.name)")
            #expect(text.contains(spec.summary))
        }
        for option in GlobalSpec.options {
            #expect(text.contains("--\(option.long)"), "global --\(option.long)")
        }
        #expect(text.contains("--version"))
    }

    @Test func commandListsItsOptions() {
        for spec in Commands.specs {
            let text = HelpText.command(spec)
            #expect(text.hasPrefix("strun \(spec.name) - \(spec.summary)"))
            #expect(text.contains("USAGE: strun \(spec.name)"))
            for option in spec.options {
                #expect(text.contains("--\(option.long)"), "\(spec.name) --\(option.long)")
                #expect(text.contains(option.help))
            }
            #expect(text.contains("OPTIONS:") == !spec.options.isEmpty)
        }
    }

    @Test func valueOptionsAndShortForms() throws {
        let create = try #require(Commands.specs.first { $0.name == "create" })
        let text = HelpText.command(create)
        #expect(text.contains("--bundle value, -b"))
        #expect(text.contains("--no-pivot "))
        #expect(!text.contains("--no-pivot value"))
        #expect(text.contains("<container-id>"))
    }
}
