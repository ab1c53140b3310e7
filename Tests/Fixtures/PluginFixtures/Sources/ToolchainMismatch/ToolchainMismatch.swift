// Test fixture plugin "oldswift" (see Tests/Fixtures/PluginFixtures/Package.swift).
#if canImport(Glibc)
import Glibc
#endif
import PsqluiPluginAPI

public final class ToolchainMismatchDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "oldswift" }
    public var version: SemanticVersion { SemanticVersion(1, 0, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "fixture oldswift" }

    public func activate(_ ctx: PluginContext) async throws -> PluginProviders { PluginProviders() }
}

@_cdecl("psqlui_plugin_entry")
public func psqluiPluginEntry() -> UnsafeMutableRawPointer {
    Unmanaged.passRetained(ToolchainMismatchDescriptor() as AnyObject).toOpaque()
}

@_cdecl("psqlui_plugin_abi_version")
public func psqluiPluginABI() -> Int32 { psqluiPluginABIVersion }

@_cdecl("psqlui_plugin_toolchain")
public func psqluiPluginToolchain() -> UnsafePointer<CChar> { UnsafeRawPointer(("5.9" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self) }
