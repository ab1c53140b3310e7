import PsqluiPluginAPI

/// The built-in `parquet` plugin: the `parquet` export format
/// (`:export parquet > f.parquet`, `psqlui --format parquet -o f.parquet`).
public final class ParquetPluginDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "parquet" }
    public var version: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "Apache Parquet export format (:export parquet > FILE)" }
    public var declaredFormats: [String] { ["parquet"] }

    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        PluginProviders(exporters: [ParquetExporter.spec])
    }
}
