// Test fixture plugin "user" (see Tests/Fixtures/PluginFixtures/Package.swift).
#if canImport(Glibc)
import Glibc
#endif
import PsqluiPluginAPI

public final class DepUserDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "user" }
    public var version: SemanticVersion { SemanticVersion(1, 0, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "fixture user" }
    public var dependencies: [PluginDependency] { [PluginDependency("base", minimumVersion: SemanticVersion(1, 0, 0))] }

    public var declaredCommands: [String] { ["whoami-base"] }
    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        PluginProviders(commands: [CommandSpec(name: "whoami-base", summary: "says it runs after base", usage: ":whoami-base") { _, c in
            c.write("user plugin active")
        }])
    }
}

@_cdecl("psqlui_plugin_entry")
public func psqluiPluginEntry() -> UnsafeMutableRawPointer {
    Unmanaged.passRetained(DepUserDescriptor() as AnyObject).toOpaque()
}

@_cdecl("psqlui_plugin_abi_version")
public func psqluiPluginABI() -> Int32 { psqluiPluginABIVersion }

@_cdecl("psqlui_plugin_toolchain")
public func psqluiPluginToolchain() -> UnsafePointer<CChar> { PluginToolchain.cString }
