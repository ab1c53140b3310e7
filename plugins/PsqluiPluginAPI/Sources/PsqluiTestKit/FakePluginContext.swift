import PsqluiPluginAPI

extension PluginContext {
    /// A context for tests: an in-memory event bus, a stub SQL analysis, a stub
    /// metadata cache, and `config` as the plugin's config table.
    public static func fake(pluginName: String = "test", coreVersion: SemanticVersion = SemanticVersion(0, 1, 0),
                            eventBus: EventBus = InMemoryEventBus(), sqlIntel: SqlIntelService = StubSqlIntel(),
                            metadataCache: MetadataCacheView = StubMetadataCache(),
                            config: [String: ConfigValue] = [:], tasks: PluginTaskScope = PluginTaskScope()) -> PluginContext {
        PluginContext(pluginName: pluginName, coreVersion: coreVersion, eventBus: eventBus, sqlIntel: sqlIntel,
                      metadataCache: metadataCache, config: config, tasks: tasks)
    }
}
