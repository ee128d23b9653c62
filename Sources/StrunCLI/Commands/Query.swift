import StrataSystem
import StrataSpec
import StrataRuntime

enum StateCommand: StrunCommand {
    static let spec = CommandSpec("state", summary: "output the state of a container", arguments: "<container-id>", min: 1, max: 1)

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        let state = try runtime.state(id: args.positionals[0])
        Output.write(state.jsonBytes(pretty: true) + [UInt8(ascii: "\n")])
        return 0
    }
}

enum ListCommand: StrunCommand {
    static let spec = CommandSpec("list", aliases: ["ls"], summary: "lists containers started by strun with the given root",
                                  options: [.value("format", short: "f", "select one of: table or json (default: \"table\")"),
                                            .flag("quiet", short: "q", "display only container IDs")])

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        let format = args.value("format") ?? "table"
        guard format == "table" || format == "json" else {
            throw StrataError.message("invalid format option \"\(format)\": use table or json")
        }
        let states = runtime.list()
        if args.has("quiet") {
            Output.write(Array(states.map { $0.id + "\n" }.joined().utf8))
        } else if format == "json" {
            // runc prints `null` for no containers; clients accept it, so match it.
            if states.isEmpty { Output.write(Array("null\n".utf8)); return 0 }
            var out: [UInt8] = [UInt8(ascii: "[")]
            for (i, s) in states.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out += s.jsonBytes(pretty: false)
            }
            Output.write(out + Array("]\n".utf8))
        } else {
            let rows = [["ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER"]] + states.map {
                [$0.id, String($0.pid ?? 0), $0.status.rawValue, $0.bundle, $0.created ?? "", $0.owner ?? ""]
            }
            Output.write(Array(Table.render(rows).utf8))
        }
        return 0
    }
}

/// tabwriter-style columns, as runc's `list` prints them.
enum Table {
    static func render(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        var widths = [Int](repeating: 0, count: first.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
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
