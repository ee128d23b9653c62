#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import StrataSystem
import StrataSpec
import StrataRuntime

struct SpecCommand: StrunCommand {
    static let configuration = CommandConfiguration(commandName: "spec", abstract: "create a new specification file")
    @OptionGroup var globals: GlobalOptions
    @Option(name: [.short, .long], help: "path to the root of the bundle directory") var bundle: String = "."
    @Flag(help: "generate a configuration for a rootless container") var rootless = false

    func execute(_ runtime: Runtime) throws(StrataError) -> Int32 {
        let path = Paths.join(bundle, "config.json")
        if Files.exists(path) {
            throw StrataError.message("file \(path) exists: remove it first")
        }
        let spec = rootless ? Spec.rootlessConfig(uid: getuid(), gid: getgid()) : Spec.defaultConfig()
        try Files.write(path, spec.jsonBytes(pretty: true) + [UInt8(ascii: "\n")], mode: 0o666)
        return 0
    }
}

struct FeaturesCommand: StrunCommand {
    static let configuration = CommandConfiguration(commandName: "features", abstract: "show the enabled features")
    @OptionGroup var globals: GlobalOptions

    func execute(_ runtime: Runtime) throws(StrataError) -> Int32 {
        Output.write(RuntimeFeatures.document().jsonBytes(pretty: true) + [UInt8(ascii: "\n")])
        return 0
    }
}
