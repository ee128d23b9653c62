#if canImport(Glibc)
import Glibc
#endif
import StrataSystem
import StrataSpec
import StrataRuntime

enum SpecCommand: StrunCommand {
    static let spec = CommandSpec("spec", summary: "create a new specification file",
                                  options: [.value("bundle", short: "b", "path to the root of the bundle directory"),
                                            .flag("rootless", "generate a configuration for a rootless container"),
                                            .flag("hardened", "add Strata's seccomp allow-list, a cgroup namespace, a pids limit and no_new_privs")])

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        let path = Paths.join(args.value("bundle") ?? ".", "config.json")
        if Files.exists(path) {
            throw StrataError.message("file \(path) exists: remove it first")
        }
        var spec = args.has("rootless") ? Spec.rootlessConfig(uid: getuid(), gid: getgid()) : Spec.defaultConfig()
        if args.has("hardened") { spec = Spec.hardened(spec) }
        try Files.write(path, spec.jsonBytes(pretty: true) + [UInt8(ascii: "\n")], mode: 0o666)
        return 0
    }
}

enum FeaturesCommand: StrunCommand {
    static let spec = CommandSpec("features", summary: "show the enabled features")

    static func run(_ args: ParsedArguments, _ runtime: Runtime) throws(StrataError) -> Int32 {
        Output.write(RuntimeFeatures.document(version: Strun.version).jsonBytes(pretty: true) + [UInt8(ascii: "\n")])
        return 0
    }
}
