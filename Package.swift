// swift-tools-version:6.0
import PackageDescription

// Dependencies point down only: CLI -> runtime -> cgroups -> system -> shim; spec is a leaf.
let strict: [SwiftSetting] = [.swiftLanguageMode(.v6)]

let package = Package(
    name: "strata",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "strun", targets: ["strun"]),
        .executable(name: "strata", targets: ["strata"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/swiftwasm/WasmKit", from: "0.4.2"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        .target(name: "CShim", path: "Sources/CShim"),
        // `BuildInfo.commit` from git at build time (scripts/buildinfo.sh), for --version.
        .plugin(name: "BuildInfoPlugin", capability: .buildTool()),
        .systemLibrary(name: "CSeccomp", path: "Sources/CSeccomp", pkgConfig: "libseccomp",
                       providers: [.apt(["libseccomp-dev"])]),
        .target(name: "StrataSystem", dependencies: ["CShim"], swiftSettings: strict),
        .target(name: "StrataSpec", swiftSettings: strict),
        .target(name: "StrataCgroups", dependencies: ["StrataSystem"], swiftSettings: strict),
        // WASI preview1 modules run in-process by WasmKit, as a container's init.
        .target(
            name: "StrataWasm",
            dependencies: ["StrataSystem", "StrataSpec",
                           .product(name: "WasmKit", package: "WasmKit"),
                           .product(name: "WasmKitWASI", package: "WasmKit"),
                           .product(name: "WASI", package: "WasmKit"),
                           .product(name: "WasmParser", package: "WasmKit"),
                           .product(name: "WAT", package: "WasmKit")],
            swiftSettings: strict),
        // Admission policy (allow/deny/audit rules over config facts) and the hash-chained audit log.
        .target(
            name: "StrataPolicy",
            dependencies: ["StrataSystem", "StrataSpec", "CSeccomp",
                           .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strict),
        .target(
            name: "StrataRuntime",
            dependencies: ["StrataSystem", "StrataSpec", "StrataCgroups", "StrataWasm", "StrataPolicy",
                           "CShim", "CSeccomp",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict),
        .target(
            name: "StrunCLI",
            dependencies: ["StrataRuntime", "StrataSpec", "StrataSystem",
                           .product(name: "Logging", package: "swift-log")],
            swiftSettings: strict,
            plugins: ["BuildInfoPlugin"]),
        .executableTarget(name: "strun", dependencies: ["StrunCLI"], swiftSettings: strict),
        // A runtime's command line as strata's modules use it (find the binary, list its
        // containers): strata never links the runtime library.
        .target(name: "StrataRuntimeClient", dependencies: ["StrataSystem", "StrataSpec"], swiftSettings: strict),
        // Outside the runtime path: `strata` may use async (the metrics server does).
        .target(
            name: "StrataMetrics",
            dependencies: ["StrataSystem", "StrataSpec", "StrataCgroups", "StrataRuntimeClient",
                           .product(name: "Prometheus", package: "swift-prometheus"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOPosix", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio")],
            swiftSettings: strict),
        // libarchive reads layer tarballs (gzip/zstd/plain, pax xattrs); extraction itself is ours.
        .systemLibrary(name: "CArchive", path: "Sources/CArchive", pkgConfig: "libarchive",
                       providers: [.apt(["libarchive-dev"])]),
        // Images: registry client, content store, unpacked layers (async, Foundation).
        .target(
            name: "StrataImage",
            dependencies: ["StrataSystem", "CShim", "CArchive",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio")],
            swiftSettings: strict),
        // The engine: container records (SQLite through GRDB), bundle generation, the runtime
        // client (argv only) and the per-container monitor. Never links the runtime module.
        .target(
            name: "StrataEngine",
            dependencies: ["StrataSystem", "StrataSpec", "StrataRuntimeClient", "CShim",
                           .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: strict),
        .target(
            name: "StrataCLI",
            dependencies: ["StrataSystem", "StrataSpec", "StrataPolicy", "StrataMetrics", "StrataImage",
                           "StrataEngine", "StrataRuntimeClient",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: strict,
            plugins: ["BuildInfoPlugin"]),
        .executableTarget(name: "strata", dependencies: ["StrataCLI"], swiftSettings: strict),
        .testTarget(name: "StrataSpecTests", dependencies: ["StrataSpec"], swiftSettings: strict),
        .testTarget(name: "StrataCgroupsTests", dependencies: ["StrataCgroups"], swiftSettings: strict),
        .testTarget(name: "StrataRuntimeTests", dependencies: ["StrataRuntime", "StrataSystem", "StrataSpec"], swiftSettings: strict),
        .testTarget(name: "StrunCLITests", dependencies: ["StrunCLI"], swiftSettings: strict),
        .testTarget(name: "StrataSystemTests", dependencies: ["StrataSystem"], swiftSettings: strict),
        .testTarget(name: "StrataWasmTests", dependencies: ["StrataWasm"], swiftSettings: strict),
        .testTarget(name: "StrataPolicyTests", dependencies: ["StrataPolicy", "StrataSpec", "StrataSystem"], swiftSettings: strict),
        .testTarget(name: "StrataMetricsTests", dependencies: ["StrataMetrics", "StrataRuntimeClient"], swiftSettings: strict),
        .testTarget(name: "StrataEngineTests", dependencies: ["StrataEngine", "StrataSpec"], swiftSettings: strict),
        .testTarget(name: "StrataCLITests", dependencies: ["StrataCLI"], swiftSettings: strict),
        .testTarget(name: "StrataImageTests", dependencies: ["StrataImage"], swiftSettings: strict),
    ]
)
