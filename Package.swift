// swift-tools-version:6.0
import PackageDescription

// Dependencies point down only: CLI -> runtime -> cgroups -> system -> shim; spec is a leaf.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "strata",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "strun", targets: ["strun"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .target(name: "CShim", path: "Sources/CShim"),
        .systemLibrary(name: "CSeccomp", path: "Sources/CSeccomp", pkgConfig: "libseccomp",
                       providers: [.apt(["libseccomp-dev"])]),
        .target(name: "StrataSystem", dependencies: ["CShim"], swiftSettings: strict),
        .target(name: "StrataSpec", swiftSettings: strict),
        .target(name: "StrataCgroups", dependencies: ["StrataSystem"], swiftSettings: strict),
        .target(
            name: "StrataRuntime",
            dependencies: ["StrataSystem", "StrataSpec", "StrataCgroups", "CShim", "CSeccomp",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        .target(
            name: "StrunCLI",
            dependencies: ["StrataRuntime", "StrataSpec", "StrataSystem",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        .executableTarget(name: "strun", dependencies: ["StrunCLI"], swiftSettings: strict),
        .testTarget(name: "StrataSpecTests", dependencies: ["StrataSpec"], swiftSettings: strict),
        .testTarget(name: "StrataCgroupsTests", dependencies: ["StrataCgroups"], swiftSettings: strict),
        .testTarget(name: "StrataRuntimeTests", dependencies: ["StrataRuntime", "StrataSystem", "StrataSpec"], swiftSettings: strict),
        .testTarget(name: "StrunCLITests", dependencies: ["StrunCLI"], swiftSettings: strict),
        .testTarget(name: "StrataSystemTests", dependencies: ["StrataSystem"], swiftSettings: strict),
    ]
)
