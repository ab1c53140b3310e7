/// Where a plugin stands in this session.
public enum PluginState: Sendable, Equatable, CustomStringConvertible {
    /// Registered by its declarations; no plugin code has run yet.
    case declared
    /// Activated: its providers are in use.
    case active
    /// Turned off by the config or `:plugins disable`.
    case disabled
    /// Turned off for this session after repeated failures.
    case failed(failures: Int)
    /// Not loaded: incompatible, or its dependencies could not be met.
    case refused(reason: String)

    /// One word for `:plugins`.
    public var description: String {
        switch self {
        case .declared: return "declared"
        case .active: return "active"
        case .disabled: return "disabled"
        case .failed: return "failed"
        case .refused: return "refused"
        }
    }

    /// True when the plugin's capabilities may be used (declared or active).
    public var isUsable: Bool { self == .declared || self == .active }
}

/// One line of `:plugins`: what the registry knows about a plugin.
public struct PluginInfo: Sendable, Equatable {
    /// The plugin's name.
    public var name: String
    /// Its version (`?` when it was refused before its descriptor could be read).
    public var version: String
    /// Its state.
    public var state: PluginState
    /// Declared commands (names and aliases).
    public var commands: [String]
    /// Declared formats.
    public var formats: [String]
    /// Declared panes.
    public var panes: [String]
    /// Declares metadata hooks.
    public var hasMetadataHooks: Bool
    /// Declares SQL assists.
    public var hasSqlAssists: Bool
    /// Where it came from.
    public var source: PluginSource
    /// Its one-line summary.
    public var summary: String
    /// Declares connection hooks.
    public var hasConnectionHooks = false
    /// The active plugin's own status line (`PluginDescriptor.status`), shown under it.
    public var status: String?

    /// `commands: a, b; formats: c; metadata hook`.
    public var capabilities: String {
        var parts: [String] = []
        if !commands.isEmpty { parts.append("commands: " + commands.joined(separator: ", ")) }
        if !formats.isEmpty { parts.append("formats: " + formats.joined(separator: ", ")) }
        if !panes.isEmpty { parts.append("panes: " + panes.joined(separator: ", ")) }
        if hasMetadataHooks { parts.append("metadata hooks") }
        if hasSqlAssists { parts.append("sql assists") }
        if hasConnectionHooks { parts.append("connection hooks") }
        return parts.isEmpty ? "-" : parts.joined(separator: "; ")
    }
}
