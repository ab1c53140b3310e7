// swift-tools-version:6.0
// The plugin API: the one package that psqlui and every plugin share.
// It is built as a dynamic library with library evolution, and has no dependencies,
// so that host and plugins load exactly one copy of its type metadata
// (see ../../shared notes on plugin loading, and plugins/README.md).
import PackageDescription

let package = Package(
    name: "PsqluiPluginAPI",
    products: [
        .library(name: "PsqluiPluginAPI", type: .dynamic, targets: ["PsqluiPluginAPI"]),
        .library(name: "PsqluiTestKit", targets: ["PsqluiTestKit"]),
    ],
    targets: [
        .target(
            name: "PsqluiPluginAPI",
            swiftSettings: [
                .unsafeFlags(["-enable-library-evolution"]),
                // OutputBuffer's appends run per cell on the export hot path; dynamic
                // exclusivity checks on its stored properties cost ~30% of a csv export
                // (perf). Release builds skip them; debug builds keep them.
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ]
        ),
        .target(name: "PsqluiTestKit", dependencies: ["PsqluiPluginAPI"]),
    ],
    // Swift 6 language mode (strict concurrency): the API is the contract, its
    // Sendable promises are checked by the compiler.
    swiftLanguageModes: [.v6]
)
