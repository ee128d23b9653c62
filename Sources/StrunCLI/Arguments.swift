/// Reorders argv so runc's global flags work before or after the subcommand.
enum Arguments {
    /// Global options that take a value.
    static let valued: Set<String> = ["--root", "--log", "--log-format", "--rootless", "--criu"]
    /// The global --rootless value given before the subcommand (true, false or auto).
    nonisolated(unsafe) static var rootless = "auto"
    /// Global boolean flags.
    static let flags: Set<String> = ["--debug", "--systemd-cgroup"]

    /// Moves globals found before the subcommand name to just after it. Go's flag package
    /// also accepts one dash (`-root`), which some scripts use: those are rewritten too.
    static func normalize(_ args: [String]) -> [String] {
        var globals: [String] = []
        var index = 0
        while index < args.count {
            var arg = args[index]
            if arg.hasPrefix("-") && !arg.hasPrefix("--") && arg.count > 2 {
                let name = "-" + (arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg)
                if valued.contains(name) || flags.contains(name) { arg = "-" + arg }
            }
            let name = arg.split(separator: "=", maxSplits: 1).first.map(String.init) ?? arg
            if flags.contains(name) {
                globals.append(arg)
                index += 1
            } else if name == "--rootless" {
                // Kept out of ArgumentParser: `spec --rootless` is a flag of its own.
                if let eq = arg.firstIndex(of: "=") {
                    rootless = String(arg[arg.index(after: eq)...])
                    index += 1
                } else {
                    rootless = index + 1 < args.count ? args[index + 1] : ""
                    index += 2
                }
            } else if valued.contains(name) {
                globals.append(arg)
                if !arg.contains("="), index + 1 < args.count {
                    globals.append(args[index + 1])
                    index += 2
                } else {
                    index += 1
                }
            } else {
                break
            }
        }
        guard index < args.count else { return globals }
        return [args[index]] + globals + Array(args[(index + 1)...])
    }
}
