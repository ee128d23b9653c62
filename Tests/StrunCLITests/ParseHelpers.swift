import StrataSystem
@testable import StrunCLI

/// Parses against the real command table, as `strun` does.
func parse(_ argv: [String]) throws(StrataError) -> ParsedArguments {
    try CommandLineParser.parse(argv, commands: Commands.specs)
}

/// The error text for an argv that must be refused, or nil if it parsed.
func parseError(_ argv: [String]) -> String? {
    do {
        _ = try parse(argv)
        return nil
    } catch {
        return error.description
    }
}
