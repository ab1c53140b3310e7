// swift-tools-version:6.0
// Plugin fixtures for psqlui's loader tests: ONE package with one `.dynamic` product
// per fixture, so the plugin API is built once (tests build it with
// `swift build --package-path Tests/Fixtures/PluginFixtures`, see PluginFixtures.swift
// in the integration tests). `NotALibrary/not-a-library.so` is a text file.
import PackageDescription

let package = Package(
    name: "PluginFixtures",
    products: [
        .library(name: "GoodPlugin", type: .dynamic, targets: ["GoodPlugin"]),
        .library(name: "MinCoreTooHigh", type: .dynamic, targets: ["MinCoreTooHigh"]),
        .library(name: "WrongABI", type: .dynamic, targets: ["WrongABI"]),
        .library(name: "ToolchainMismatch", type: .dynamic, targets: ["ToolchainMismatch"]),
        .library(name: "ThrowingPlugin", type: .dynamic, targets: ["ThrowingPlugin"]),
        .library(name: "DepBase", type: .dynamic, targets: ["DepBase"]),
        .library(name: "DepUser", type: .dynamic, targets: ["DepUser"]),
        .library(name: "CycleA", type: .dynamic, targets: ["CycleA"]),
        .library(name: "CycleB", type: .dynamic, targets: ["CycleB"]),
        .library(name: "ObserverPlugin", type: .dynamic, targets: ["ObserverPlugin"]),
    ],
    dependencies: [.package(path: "../../../plugins/PsqluiPluginAPI")],
    targets: [
        .target(name: "GoodPlugin", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
        .target(name: "MinCoreTooHigh", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
        .target(name: "WrongABI", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
        .target(name: "ToolchainMismatch", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
        .target(name: "ThrowingPlugin", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
        .target(name: "DepBase", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
        .target(name: "DepUser", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
        .target(name: "CycleA", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
        .target(name: "CycleB", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
        .target(name: "ObserverPlugin", dependencies: [.product(name: "PsqluiPluginAPI", package: "PsqluiPluginAPI")]),
    ],
    swiftLanguageModes: [.v5]
)
