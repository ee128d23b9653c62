import StrataSystem
import StrataRuntime

enum PsCommand: StrunCommand {
    static let spec = CommandSpec("ps", summary: "ps displays the processes running inside a container",
                                  arguments: "<container-id> [ps options]",
                                  options: [.value("format", short: "f", "select one of: table or json (default: \"table\")")],
                                  min: 1, max: 1, rawAfter: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        let id = args.positionals[0]
        let psArguments = Array(args.positionals.dropFirst())
        switch args.value("format") ?? "table" {
        case "json":
            let pids = try runtime.pids(id: id)
            Output.write(Array(("[" + pids.map(String.init).joined(separator: ",") + "]\n").utf8))
        case "table":
            Output.write(Array(try runtime.psTable(id: id, psArguments: psArguments).utf8))
        case let other:
            throw StrataError.message("invalid format option \"\(other)\": use table or json")
        }
        return 0
    }
}
