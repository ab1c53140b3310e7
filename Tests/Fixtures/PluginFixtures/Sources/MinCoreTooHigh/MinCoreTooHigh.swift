// Test fixture plugin "toonew" (see Tests/Fixtures/PluginFixtures/Package.swift).
#if canImport(Glibc)
import Glibc
#endif
import PsqluiPluginAPI

public final class MinCoreTooHighDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "toonew" }
    public var version: SemanticVersion { SemanticVersion(1, 0, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(99, 0, 0) }
    public var summary: String { "fixture toonew" }

    public func activate(_ ctx: PluginContext) async throws -> PluginProviders { PluginProviders() }
}

@_cdecl("psqlui_plugin_entry")
public func psqluiPluginEntry() -> UnsafeMutableRawPointer {
    Unmanaged.passRetained(MinCoreTooHighDescriptor() as AnyObject).toOpaque()
}

@_cdecl("psqlui_plugin_abi_version")
public func psqluiPluginABI() -> Int32 { psqluiPluginABIVersion }

@_cdecl("psqlui_plugin_toolchain")
public func psqluiPluginToolchain() -> UnsafePointer<CChar> { PluginToolchain.cString }
