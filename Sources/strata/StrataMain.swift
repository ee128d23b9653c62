import StrataCLI

/// `@main` rather than main.swift: top-level code would pick ParsableCommand's synchronous
/// `main()`, which refuses an async root command.
@main
enum StrataMain {
    static func main() async {
        await StrataCommand.main()
    }
}
