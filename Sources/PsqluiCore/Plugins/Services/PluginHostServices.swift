import PsqluiPluginAPI

/// The services the host hands every plugin's `PluginContext`, and the config tables
/// it takes each plugin's own section from.
public struct PluginHostServices: Sendable {
    /// The event bus.
    public var eventBus: EventBus
    /// The SQL analysis.
    public var sqlIntel: SqlIntelService
    /// The metadata cache, read-only.
    public var metadataCache: MetadataCacheView
    /// The plugin settings (enable flags, `[plugins.NAME]` tables).
    public var config: PluginsConfig
    /// The core's version.
    public var coreVersion: SemanticVersion

    /// Services; by default an in-process event bus, psqlui's SQL analysis (without
    /// metadata) and no metadata until the REPL supplies its cache.
    public init(eventBus: EventBus = CoreEventBus(), sqlIntel: SqlIntelService = StatementAnalysisService(),
                metadataCache: MetadataCacheView = EmptyMetadataCacheView(), config: PluginsConfig = PluginsConfig(),
                coreVersion: SemanticVersion = PluginCompatibility.coreVersion) {
        self.eventBus = eventBus
        self.sqlIntel = sqlIntel
        self.metadataCache = metadataCache
        self.config = config
        self.coreVersion = coreVersion
    }
}

/// A metadata view with nothing in it (before the first metadata load).
public final class EmptyMetadataCacheView: MetadataCacheView {
    /// An empty view.
    public init() {}
    public func relations() -> [MetadataRelation] { [] }
    public func annotations(for object: MetadataObjectName) -> [String: String] { [:] }
}
