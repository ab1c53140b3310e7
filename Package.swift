// swift-tools-version:6.0
// psqlui: a PostgreSQL client for the terminal.
//
// Layers (dependencies point one way):
//   psqlui (executable) → PsqluiREPL → PsqluiCore → PsqluiPluginAPI (own package, .dynamic)
// Built-in plugins live under plugins/builtin/ and import only the plugin API.
import PackageDescription

let package = Package(
    name: "psqlui",
    products: [
        .executable(name: "psqlui", targets: ["psqlui"]),
    ],
    dependencies: [
        .package(path: "plugins/PsqluiPluginAPI"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibPQ", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .systemLibrary(name: "CLibEdit", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Built-in plugins: they import only the plugin API (one-way layering).
        .target(
            name: "ExplainPlugin",
            dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")],
            path: "plugins/builtin/ExplainPlugin",
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .target(
            name: "CommentsPlugin",
            dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")],
            path: "plugins/builtin/CommentsPlugin",
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .systemLibrary(name: "CZstd", path: "plugins/builtin/CZstd", pkgConfig: "libzstd", providers: [.apt(["libzstd-dev"])]),
        .target(
            name: "ParquetPlugin",
            dependencies: ["CZstd", .product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")],
            path: "plugins/builtin/ParquetPlugin",
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .target(
            name: "TelemetryPlugin",
            dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")],
            path: "plugins/builtin/TelemetryPlugin",
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .target(
            name: "SSHPlugin",
            dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")],
            path: "plugins/builtin/SSHPlugin",
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .target(
            name: "ClipboardPlugin",
            dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")],
            path: "plugins/builtin/ClipboardPlugin",
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .target(
            name: "PsqluiCore",
            dependencies: [
                "CLibPQ",
                .product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI"),
            ],
            // An imported module's extensions must not leak into files that do not
            // import it (TOMLKit's once made `cond ? string : nil` ambiguous in SQL
            // analysis code; TOML is now read by Config/TOML, without Foundation).
            swiftSettings: [
                .enableUpcomingFeature("MemberImportVisibility"),
                // Exporters inline OutputBuffer's appends: skip dynamic exclusivity
                // checks in release builds (see plugins/PsqluiPluginAPI/Package.swift).
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ]
        ),
        .target(
            name: "PsqluiREPL",
            dependencies: ["PsqluiCore", "CLibEdit", "CLibPQ"],
            // A module that imports Foundation anywhere must not make its members
            // visible here: the binary links FoundationEssentials only (start-up).
            // The statement loop (evaluator, policies, input processor): no dynamic
            // exclusivity checks in release builds either (swift_beginAccess per access).
            swiftSettings: [
                .enableUpcomingFeature("MemberImportVisibility"),
                .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
            ]
        ),
        .executableTarget(
            name: "psqlui",
            dependencies: [
                "PsqluiREPL",
                "PsqluiCore",
                // The built-in plugins are linked here and handed to the core: the core
                // never depends on a plugin target.
                "ExplainPlugin", "CommentsPlugin", "ParquetPlugin", "ClipboardPlugin", "TelemetryPlugin", "SSHPlugin",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.enableUpcomingFeature("MemberImportVisibility")]
        ),
        .testTarget(
            name: "PsqluiCoreTests",
            dependencies: [
                "PsqluiCore", "PsqluiREPL", "ExplainPlugin", "CommentsPlugin", "ParquetPlugin", "ClipboardPlugin", "TelemetryPlugin", "SSHPlugin",
                .product(name: "PsqluiTestKit", package: "PsqluiPluginAPI"),
            ]
        ),
        .testTarget(
            name: "PsqluiIntegrationTests",
            dependencies: [
                "PsqluiCore", "PsqluiREPL", "ExplainPlugin", "CommentsPlugin", "ParquetPlugin", "ClipboardPlugin", "TelemetryPlugin", "SSHPlugin",
                .product(name: "PsqluiTestKit", package: "PsqluiPluginAPI"),
            ]
        ),
    ],
    swiftLanguageModes: [.v5]
)
