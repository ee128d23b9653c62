import Foundation
import PackagePlugin

/// Generates `BuildInfo.swift` (an internal `enum BuildInfo { static let commit }`) in the
/// target it is applied to, from git at build time, so that `--version` names the commit
/// the binary was built from. It is a prebuild command: it runs before every build, and
/// scripts/buildinfo.sh rewrites the file only when the commit changes, so an unchanged
/// tree recompiles nothing. Without git (a source tarball) the commit is "unknown".
@main
struct BuildInfoPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let output = context.pluginWorkDirectoryURL.appending(path: "generated")
        let script = context.package.directoryURL.appending(path: "scripts/buildinfo.sh")
        return [
            .prebuildCommand(
                displayName: "BuildInfo.swift for \(target.name) from git",
                executable: URL(filePath: "/bin/sh"),
                arguments: [script.path, context.package.directoryURL.path,
                            output.appending(path: "BuildInfo.swift").path],
                outputFilesDirectory: output)
        ]
    }
}
