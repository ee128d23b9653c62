/// One flag or option of the runc command line.
struct OptionSpec: Sendable {
    /// The long name without dashes ("bundle").
    let long: String
    /// The one-letter form ("b"), if any.
    let short: Character?
    /// True for `--name VALUE`; false for a boolean flag.
    let takesValue: Bool
    let help: String

    static func flag(_ long: String, short: Character? = nil, _ help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, takesValue: false, help: help)
    }

    static func value(_ long: String, short: Character? = nil, _ help: String) -> OptionSpec {
        OptionSpec(long: long, short: short, takesValue: true, help: help)
    }
}

/// One subcommand: its name, its options and how many arguments it takes.
struct CommandSpec: Sendable {
    let name: String
    let aliases: [String]
    let summary: String
    /// Shown after the command name in usage, e.g. "<container-id> [signal]".
    let arguments: String
    let options: [OptionSpec]
    let minArguments: Int
    let maxArguments: Int
    /// After this many positional arguments, the rest is passed through untouched
    /// (`exec ID cmd -c ...`); nil parses flags anywhere.
    let rawAfter: Int?

    init(_ name: String, aliases: [String] = [], summary: String, arguments: String = "",
         options: [OptionSpec] = [], min: Int = 0, max: Int = 0, rawAfter: Int? = nil) {
        self.name = name
        self.aliases = aliases
        self.summary = summary
        self.arguments = arguments
        self.options = options
        self.minArguments = min
        self.maxArguments = max
        self.rawAfter = rawAfter
    }
}

/// runc's global options, accepted before or after the subcommand.
enum GlobalSpec {
    static let options: [OptionSpec] = [
        .value("root", "root directory for storage of container state (default \"/run/strun\", or $XDG_RUNTIME_DIR/strun when not root)"),
        .value("log", "set the log file to write strun logs to (default is stderr)"),
        .value("log-format", "set the log format ('text' (default), or 'json')"),
        .flag("debug", "enable debug logging"),
        .flag("systemd-cgroup", "take a systemd-style cgroupsPath (slice:prefix:name), mapped onto cgroupfs"),
        .value("rootless", "ignore cgroup permission errors ('true', 'false', or 'auto')"),
        .value("policy", "enforce this Strata security policy at create and run (else $STRATA_POLICY, else /etc/strata/policy.json if present)"),
        .value("criu", "path to the criu binary (accepted for compatibility; checkpoint is not supported)"),
    ]
}
