import PsqluiPluginAPI

/// The plugin: declares the `yaml` format; activation provides it.
public final class YamlPlugin: PluginDescriptor {
    public init() {}
    public var name: String { "yaml" }
    public var version: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "export results as a YAML sequence of mappings" }
    public var declaredFormats: [String] { ["yaml"] }

    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        PluginProviders(exporters: [YamlExporter.spec])
    }
}

// The three entry symbols psqlui looks for (see plugins/README.md).
@_cdecl("psqlui_plugin_entry")
public func psqluiPluginEntry() -> UnsafeMutableRawPointer {
    Unmanaged.passRetained(YamlPlugin() as AnyObject).toOpaque()
}

@_cdecl("psqlui_plugin_abi_version")
public func psqluiPluginABI() -> Int32 { psqluiPluginABIVersion }

@_cdecl("psqlui_plugin_toolchain")
public func psqluiPluginToolchain() -> UnsafePointer<CChar> { PluginToolchain.cString }
