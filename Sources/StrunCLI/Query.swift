#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ArgumentParser
import StrataSystem
import StrataSpec
import StrataRuntime

struct State: StrunCommand {
    static let configuration = CommandConfiguration(abstract: "output the state of a container")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "container id") var id: String

    func execute(_ runtime: Runtime) throws(StrataError) -> Int32 {
        let state = try runtime.state(id: id)
        Output.write(state.jsonBytes(pretty: true) + [UInt8(ascii: "\n")])
        return 0
    }
}

struct List: StrunCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "lists containers started by strun with the given root", aliases: ["ls"])
    @OptionGroup var globals: GlobalOptions
    @Option(name: [.short, .long], help: "select one of: table or json") var format: String = "table"
    @Flag(name: [.short, .long], help: "display only container IDs") var quiet = false

    func execute(_ runtime: Runtime) throws(StrataError) -> Int32 {
        let states = runtime.list()
        if quiet {
            Output.write(Array(states.map { $0.id + "\n" }.joined().utf8))
            return 0
        }
        switch format {
        case "json":
            // runc prints `null` for no containers; clients accept both, so match it.
            if states.isEmpty { Output.write(Array("null\n".utf8)); return 0 }
            var out: [UInt8] = [UInt8(ascii: "[")]
            for (i, s) in states.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out += s.jsonBytes(pretty: false)
            }
            out += Array("]\n".utf8)
            Output.write(out)
        case "table":
            let rows = [["ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER"]] + states.map {
                [$0.id, String($0.pid ?? 0), $0.status.rawValue, $0.bundle, $0.created ?? "", $0.owner ?? ""]
            }
            Output.write(Array(Table.render(rows).utf8))
        default:
            throw StrataError.message("invalid format option \"\(format)\": use table or json")
        }
        return 0
    }
}

/// tabwriter-style columns: padded to the widest cell plus padding, as runc's list prints.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for row in rows { for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) } }
        var out = ""
        for row in rows {
            for (i, cell) in row.enumerated() {
                out += cell
                if i < row.count - 1 { out += String(repeating: " ", count: widths[i] - cell.count + 3) }
            }
            out += "\n"
        }
        return out
    }
}

/// Unbuffered writes to stdout.
enum Output {
    static func write(_ bytes: [UInt8]) {
        try? Files.writeAll(fd: 1, bytes, name: "stdout")
    }
}
