/// What a plugin declares about itself, and how it starts and stops.
///
/// The loader reads the declarations without running any other plugin code: `:help`,
/// completion and `:export <Tab>` know a plugin's commands and formats from them.
/// `activate(_:)` runs the first time one of them is used and returns the providers;
/// the declared names must match what activation provides (the testkit checks it).
///
/// A plugin library's `psqlui_plugin_entry` returns one retained instance (see
/// plugins/README.md). Properties must be cheap and must not fail.
public protocol PluginDescriptor: AnyObject, Sendable {
    /// The plugin's unique name, lower case (`explain`); the `[plugins.NAME]` config table.
    var name: String { get }
    /// The plugin's own version.
    var version: SemanticVersion { get }
    /// The oldest psqlui core this plugin works with. The loader refuses cores that are
    /// older, or of a different major version (a different minor version while 0.x).
    var minimumCoreVersion: SemanticVersion { get }
    /// Plugins that must be activated before this one.
    var dependencies: [PluginDependency] { get }
    /// One line for `:plugins`.
    var summary: String { get }
    /// Every name *and alias* of the colon commands activation will provide (no colon).
    var declaredCommands: [String] { get }
    /// The names of the export formats activation will provide.
    var declaredFormats: [String] { get }
    /// The names of the panes activation will provide.
    var declaredPanes: [String] { get }
    /// True when activation provides metadata hooks (the host then activates the plugin
    /// when it loads metadata).
    var hasMetadataHooks: Bool { get }
    /// True when activation provides SQL assists.
    var hasSqlAssists: Bool { get }
    /// True when the plugin subscribes to the event bus in `activate` (a telemetry
    /// exporter): the host then activates it at start, before the first statement,
    /// instead of on first use. Added in core 0.2.
    var subscribesToEvents: Bool { get }
    /// With `subscribesToEvents`: whether, given its `[plugins.NAME]` table (`config`,
    /// empty when there is none), the plugin must be activated at start to hear the
    /// first statement. Return false when that config makes activation subscribe to
    /// nothing (a telemetry exporter with no destination): the plugin then stays
    /// declared until first use, and a run that never uses it starts faster. Must be
    /// cheap and must not fail: return true when the config is wrong, so activation
    /// reports it at start. Default: `subscribesToEvents` (a plugin built before this requirement gets it).
    func subscribesToEvents(config: [String: ConfigValue]) -> Bool
    /// True when activation provides connection hooks. Added with `ConnectionHook`.
    var hasConnectionHooks: Bool { get }
    /// The per-connection settings the plugin's connection hooks read
    /// (`ConnectionParameters.settings`, e.g. `ssh`). With some declared, the hooks run
    /// only for connections that name one (the plugin is activated at the first such
    /// connect); with none, for every connection (activated before the first connect).
    /// psqlui refuses a connection that names a setting while its plugin is disabled,
    /// instead of connecting without it.
    var declaredConnectionSettings: [String] { get }
    /// One line about the running plugin for `:plugins` (telemetry: spans sent,
    /// dropped, failed), or nil. Read only while the plugin is active; must be cheap
    /// and must not block. Added with `ConnectionHook`.
    var status: String? { get }

    /// Starts the plugin on first use and returns what it provides. Throwing reports
    /// the error with the plugin's name and counts as one failure.
    func activate(_ ctx: PluginContext) async throws -> PluginProviders

    /// Called once at exit, and when the plugin is disabled. The host waits at most
    /// 2 seconds, then goes on; release resources and stop work promptly.
    func onShutdown() async
}

extension PluginDescriptor {
    /// No dependencies.
    public var dependencies: [PluginDependency] { [] }
    /// No summary.
    public var summary: String { "" }
    /// No commands.
    public var declaredCommands: [String] { [] }
    /// No formats.
    public var declaredFormats: [String] { [] }
    /// No panes.
    public var declaredPanes: [String] { [] }
    /// No metadata hooks.
    public var hasMetadataHooks: Bool { false }
    /// No SQL assists.
    public var hasSqlAssists: Bool { false }
    /// Activated on first use, not at start.
    public var subscribesToEvents: Bool { false }
    /// Whatever the config: `subscribesToEvents`.
    public func subscribesToEvents(config: [String: ConfigValue]) -> Bool { subscribesToEvents }
    /// No connection hooks.
    public var hasConnectionHooks: Bool { false }
    /// No connection settings.
    public var declaredConnectionSettings: [String] { [] }
    /// No status line.
    public var status: String? { nil }
    /// Nothing to release.
    public func onShutdown() async {}
}

/// A plugin another plugin needs, optionally from some version on.
public struct PluginDependency: Sendable, Hashable {
    /// The other plugin's `name`.
    public var name: String
    /// The oldest acceptable version of it, or nil for any.
    public var minimumVersion: SemanticVersion?

    /// Declares a dependency on plugin `name`.
    public init(_ name: String, minimumVersion: SemanticVersion? = nil) {
        self.name = name
        self.minimumVersion = minimumVersion
    }
}

/// What an activated plugin provides. Each part is registered under the plugin's
/// name; names must match the descriptor's declarations.
public struct PluginProviders: Sendable {
    /// Colon commands.
    public var commands: [CommandSpec]
    /// Export formats.
    public var exporters: [ExporterSpec]
    /// Named panes (opened by the host, e.g. from a command).
    public var panes: [PaneSpec]
    /// Hooks that add to the metadata cache.
    public var metadataHooks: [MetadataHook]
    /// Consumers of the SQL analysis.
    public var sqlAssists: [SqlAssist]
    /// Hooks around the session's connects (declare `hasConnectionHooks`).
    public var connectionHooks: [ConnectionHook] = []

    /// Creates the providers; every part defaults to none.
    public init(commands: [CommandSpec] = [], exporters: [ExporterSpec] = [], panes: [PaneSpec] = [],
                metadataHooks: [MetadataHook] = [], sqlAssists: [SqlAssist] = []) {
        self.commands = commands
        self.exporters = exporters
        self.panes = panes
        self.metadataHooks = metadataHooks
        self.sqlAssists = sqlAssists
    }

    /// Creates the providers with connection hooks. (A second initializer, not a new
    /// defaulted parameter: plugins built against the one above keep linking.)
    public init(commands: [CommandSpec] = [], exporters: [ExporterSpec] = [], panes: [PaneSpec] = [],
                metadataHooks: [MetadataHook] = [], sqlAssists: [SqlAssist] = [], connectionHooks: [ConnectionHook]) {
        self.init(commands: commands, exporters: exporters, panes: panes, metadataHooks: metadataHooks, sqlAssists: sqlAssists)
        self.connectionHooks = connectionHooks
    }
}
