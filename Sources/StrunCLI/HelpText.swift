/// `--help` output, generated from the same tables the parser uses.
enum HelpText {
    static func main(_ commands: [CommandSpec]) -> String {
        var out = "strun: an OCI container runtime with runc's command line\n\n"
        out += "USAGE: strun [global options] <command> [command options] [arguments...]\n\nCOMMANDS:\n"
        let width = (commands.map { $0.name.count }.max() ?? 0) + 3
        for c in commands { out += "   " + pad(c.name, width) + c.summary + "\n" }
        out += "\nGLOBAL OPTIONS:\n" + options(GlobalSpec.options)
        out += "   --version, -v" + String(repeating: " ", count: 12) + "print the version\n"
        return out
    }

    static func command(_ c: CommandSpec) -> String {
        var out = "strun \(c.name) - \(c.summary)\n\nUSAGE: strun \(c.name) [command options] \(c.arguments)\n"
        if !c.options.isEmpty { out += "\nOPTIONS:\n" + options(c.options) }
        return out
    }

    private static func options(_ list: [OptionSpec]) -> String {
        let labels = list.map { o in
            "--" + o.long + (o.takesValue ? " value" : "") + (o.short.map { ", -\($0)" } ?? "")
        }
        let width = min((labels.map(\.count).max() ?? 0) + 3, 34)
        var out = ""
        for (label, o) in zip(labels, list) { out += "   " + pad(label, width) + o.help + "\n" }
        return out
    }

    private static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(1, width - s.count))
    }
}
