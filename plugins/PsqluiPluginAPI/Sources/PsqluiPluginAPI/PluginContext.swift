/// What psqlui hands a plugin at activation: read-only services and the plugin's own
/// configuration. Mutations happen through the services (publishing events, metadata
/// hooks), never by reaching into psqlui.
public struct PluginContext: Sendable {
    /// The plugin's name (the one it declared).
    public var pluginName: String
    /// The version of the psqlui core running the plugin.
    public var coreVersion: SemanticVersion
    /// Events psqlui publishes; plugins may publish their own too.
    public var eventBus: EventBus
    /// psqlui's SQL analysis.
    public var sqlIntel: SqlIntelService
    /// The metadata cache, read-only.
    public var metadataCache: MetadataCacheView
    /// The plugin's own `[plugins.NAME]` config table (nothing else of the config).
    public var config: [String: ConfigValue]
    /// Start background work here: psqlui cancels these tasks at exit and when the
    /// plugin is disabled.
    public var tasks: PluginTaskScope

    /// Creates a context (the host does; tests use PsqluiTestKit's `PluginContext.fake`).
    public init(pluginName: String, coreVersion: SemanticVersion, eventBus: EventBus, sqlIntel: SqlIntelService,
                metadataCache: MetadataCacheView, config: [String: ConfigValue], tasks: PluginTaskScope) {
        self.pluginName = pluginName
        self.coreVersion = coreVersion
        self.eventBus = eventBus
        self.sqlIntel = sqlIntel
        self.metadataCache = metadataCache
        self.config = config
        self.tasks = tasks
    }
}
