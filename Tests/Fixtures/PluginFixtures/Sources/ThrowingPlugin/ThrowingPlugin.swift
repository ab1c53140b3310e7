// Test fixture plugin "thrower" (see Tests/Fixtures/PluginFixtures/Package.swift).
#if canImport(Glibc)
import Glibc
#endif
import PsqluiPluginAPI

public final class ThrowingPluginDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "thrower" }
    public var version: SemanticVersion { SemanticVersion(1, 0, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "fixture thrower" }

    public var declaredCommands: [String] { ["boom"] }
    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        PluginProviders(commands: [CommandSpec(name: "boom", summary: "always fails", usage: ":boom") { _, _ in
            throw BoomError()
        }])
    }
}

struct BoomError: Error, CustomStringConvertible { var description: String { "boom went the plugin" } }
extension ThrowingPluginDescriptor {
}

@_cdecl("psqlui_plugin_entry")
public func psqluiPluginEntry() -> UnsafeMutableRawPointer {
    Unmanaged.passRetained(ThrowingPluginDescriptor() as AnyObject).toOpaque()
}

@_cdecl("psqlui_plugin_abi_version")
public func psqluiPluginABI() -> Int32 { psqluiPluginABIVersion }

@_cdecl("psqlui_plugin_toolchain")
public func psqluiPluginToolchain() -> UnsafePointer<CChar> { PluginToolchain.cString }
