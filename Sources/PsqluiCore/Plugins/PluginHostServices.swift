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

    /// Services; by default an in-process event bus, no metadata and no SQL analysis
    /// until the REPL supplies its own.
    public init(eventBus: EventBus = CoreEventBus(), sqlIntel: SqlIntelService = StatementKindIntel(),
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

/// A minimal `SqlIntelService`: the statement kind from the first keyword, no
/// relations. Stands in until the core's SqlIntel analysis is wired to plugins.
public final class StatementKindIntel: SqlIntelService {
    /// A minimal analysis.
    public init() {}
    public func analyze(_ sql: String) -> AnalysisResult {
        let first = sql.split(whereSeparator: { $0.isWhitespace || $0 == "(" || $0 == ";" }).first.map { $0.lowercased() } ?? ""
        return AnalysisResult(statementKind: first, referencedRelations: [], text: sql)
    }
}
