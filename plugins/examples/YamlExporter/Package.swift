// swift-tools-version:6.0
// An outside psqlui plugin: the `yaml` export format. It depends only on the plugin
// API, by path, and builds to libYamlExporter.so — copy that into
// ~/.local/share/psqlui/plugins (see plugins/README.md).
import PackageDescription

let package = Package(
    name: "YamlExporter",
    products: [.library(name: "YamlExporter", type: .dynamic, targets: ["YamlExporter"])],
    dependencies: [.package(path: "../../PsqluiPluginAPI")],
    targets: [
        .target(name: "YamlExporter", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
        .testTarget(name: "YamlExporterTests", dependencies: [
            "YamlExporter", .product(name: "PsqluiTestKit", package: "PsqluiPluginAPI"),
        ]),
    ],
    swiftLanguageModes: [.v5]
)
