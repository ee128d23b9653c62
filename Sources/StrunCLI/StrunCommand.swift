import ArgumentParser
import StrataSystem
import StrataRuntime

/// A `strun` subcommand: parsing by ArgumentParser, the work in `execute`, which returns
/// the exit status. Errors are reported in one place (`Strun.main`).
protocol StrunCommand: ParsableCommand {
    var globals: GlobalOptions { get }
    func execute(_ runtime: Runtime) throws(StrataError) -> Int32
}

extension StrunCommand {
    // ArgumentParser's own entry is unused: `Strun.main` calls `execute`.
    func run() throws {}
}
