import StrataSystem

/// The result of parsing argv against a `CommandSpec` and the global options.
struct ParsedArguments: Sendable {
    var command: CommandSpec
    var values: [String: String] = [:]
    /// Every value of an option given more than once (`--env A=1 --env B=2`), in order.
    var lists: [String: [String]] = [:]
    var flags: Set<String> = []
    var positionals: [String] = []
    var wantsHelp = false

    func value(_ name: String) -> String? { values[name] }
    func all(_ name: String) -> [String] { lists[name] ?? [] }
    func has(_ name: String) -> Bool { flags.contains(name) }
}

/// A runc-compatible argv parser, table-driven by `CommandSpec`.
///
/// It accepts what runc's clients send: `--name value`, `--name=value`, Go's single-dash
/// long form (`-root value`), one-letter forms (`-b dir`, `-d`), booleans as `--flag` or
/// `--flag=true|false`, and `--` to end options. Global options may come before or after
/// the subcommand. (swift-argument-parser cost ~3 ms of reflection per call in the
/// static binary, two thirds of a `strun state`; this parser costs microseconds.)
enum CommandLineParser {
    static func parse(_ argv: [String], commands: [CommandSpec]) throws(StrataError) -> ParsedArguments {
        var globals: [String: String] = [:]
        var globalFlags: Set<String> = []
        var index = 0
        var wantsHelp = false
        // Globals before the subcommand name.
        while index < argv.count, argv[index].hasPrefix("-"), argv[index] != "-" {
            if argv[index] == "--help" || argv[index] == "-h" { wantsHelp = true; index += 1; continue }
            guard try consume(argv, &index, options: GlobalSpec.options, values: &globals, flags: &globalFlags) else {
                throw StrataError.message("flag provided but not defined: \(argv[index])")
            }
        }
        guard index < argv.count else {
            throw StrataError.message(wantsHelp ? "" : "no command given: see 'strun --help'")
        }
        let name = argv[index]
        guard let command = commands.first(where: { $0.name == name || $0.aliases.contains(name) }) else {
            throw StrataError.message("no such command \"\(name)\": see 'strun --help'")
        }
        index += 1
        var parsed = ParsedArguments(command: command, values: globals, flags: globalFlags)
        parsed.wantsHelp = wantsHelp
        let all = command.options + GlobalSpec.options
        var optionsEnded = false
        while index < argv.count {
            let arg = argv[index]
            if let raw = command.rawAfter, parsed.positionals.count >= raw {
                // Everything after the leading positionals belongs to the process.
                if arg == "--" && parsed.positionals.count == raw { index += 1 }
                parsed.positionals.append(contentsOf: argv[index...])
                break
            }
            if optionsEnded || !arg.hasPrefix("-") || arg == "-" {
                parsed.positionals.append(arg)
                index += 1
                continue
            }
            if arg == "--" { optionsEnded = true; index += 1; continue }
            if arg == "--help" || arg == "-h" { parsed.wantsHelp = true; index += 1; continue }
            guard try consume(argv, &index, options: all, values: &parsed.values, flags: &parsed.flags,
                              lists: &parsed.lists) else {
                throw StrataError.message("flag provided but not defined: \(arg) (command \"\(command.name)\")")
            }
        }
        if parsed.wantsHelp { return parsed }
        if parsed.positionals.count < command.minArguments {
            throw StrataError.message("\"\(command.name)\" requires \(command.arguments.isEmpty ? "an argument" : command.arguments): see 'strun \(command.name) --help'")
        }
        if command.rawAfter == nil && parsed.positionals.count > command.maxArguments {
            throw StrataError.message("\"\(command.name)\" takes \(command.arguments.isEmpty ? "no arguments" : command.arguments), got unexpected \"\(parsed.positionals[command.maxArguments])\"")
        }
        return parsed
    }

    /// Consumes one option at `index` if it is in `options`; false when it is unknown.
    private static func consume(_ argv: [String], _ index: inout Int, options: [OptionSpec],
                                values: inout [String: String], flags: inout Set<String>) throws(StrataError) -> Bool {
        var lists: [String: [String]] = [:]
        return try consume(argv, &index, options: options, values: &values, flags: &flags, lists: &lists)
    }

    private static func consume(_ argv: [String], _ index: inout Int, options: [OptionSpec],
                                values: inout [String: String], flags: inout Set<String>,
                                lists: inout [String: [String]]) throws(StrataError) -> Bool {
        let arg = argv[index]
        var body = Substring(arg.dropFirst(arg.hasPrefix("--") ? 2 : 1))
        var inline: String?
        if let eq = body.firstIndex(of: "=") {
            inline = String(body[body.index(after: eq)...])
            body = body[..<eq]
        }
        let key = String(body)
        let option = options.first { $0.long == key || ($0.short.map { String($0) } == key && !arg.hasPrefix("--")) }
        guard let option else { return false }
        if option.takesValue {
            let value: String
            if let inline {
                value = inline
                index += 1
            } else {
                guard index + 1 < argv.count else {
                    throw StrataError.message("flag needs an argument: \(arg)")
                }
                value = argv[index + 1]
                index += 2
            }
            values[option.long] = value
            lists[option.long, default: []].append(value)
        } else {
            switch inline {
            case nil, "true", "1": flags.insert(option.long)
            case "false", "0": flags.remove(option.long)
            default: throw StrataError.message("invalid boolean value \"\(inline ?? "")\" for \(arg)")
            }
            index += 1
        }
        return true
    }
}
