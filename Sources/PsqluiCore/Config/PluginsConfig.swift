import PsqluiPluginAPI

/// The `[plugins]` part of a config file: enable flags and each plugin's own table.
///
/// ```toml
/// trusted_projects = ["/home/me/work/app"]   # top level: see `trustedProjects`
/// [plugins]
/// yaml = false              # an enable flag
/// [plugins.explain]         # the explain plugin's own table (it sees only this)
/// bar_width = 30
/// enabled = true            # an enable flag may also sit inside the table
/// ```
public struct PluginsConfig: Sendable, Equatable {
    /// Enable flags by plugin name; a plugin not listed is enabled.
    public var enabled: [String: Bool]
    /// Each plugin's `[plugins.NAME]` table.
    public var tables: [String: [String: ConfigValue]]
    /// Project directories the user trusts to run code (`.psqlui/plugins`, commands
    /// named in `.psqlui/config.toml`): the user config's top-level `trusted_projects`.
    public var trustedProjects: [String]

    /// Creates a config; everything empty by default (all plugins enabled, no project trusted).
    public init(enabled: [String: Bool] = [:], tables: [String: [String: ConfigValue]] = [:], trustedProjects: [String] = []) {
        self.enabled = enabled
        self.tables = tables
        self.trustedProjects = trustedProjects
    }

    /// False only when the config disables plugin `name`.
    public func isEnabled(_ name: String) -> Bool { enabled[name] ?? true }

    /// Reads the plugin settings from a parsed TOML document. Values of the wrong
    /// type are reported in `problems` and ignored.
    public static func read(from toml: TOMLTable) -> (config: PluginsConfig, problems: [String]) {
        var config = PluginsConfig()
        var problems: [String] = []
        if let trusted = toml["trusted_projects"] {
            if let array = trusted.array {
                for item in array {
                    if let s = item.string { config.trustedProjects.append(s) } else { problems.append("trusted_projects: expected strings") }
                }
            } else {
                problems.append("trusted_projects: expected an array of directory paths")
            }
        }
        guard let pluginsValue = toml["plugins"] else { return (config, problems) }
        guard let plugins = pluginsValue.table else { return (config, problems + ["plugins: expected a table"]) }
        for name in plugins.keys {
            guard let value = plugins[name] else { continue }
            if let flag = value.boolean {
                config.enabled[name] = flag
            } else if let table = value.table {
                var converted: [String: ConfigValue] = [:]
                for key in table.keys {
                    if let v = table[key], let c = configValue(v) { converted[key] = c }
                }
                if let flag = converted["enabled"] {
                    if let b = flag.boolValue { config.enabled[name] = b } else { problems.append("plugins.\(name).enabled: expected true or false") }
                }
                config.tables[name] = converted
            } else {
                problems.append("plugins.\(name): expected true, false or a table")
            }
        }
        return (config, problems)
    }

    /// Parses TOML text and reads the plugin settings. Throws `TOMLError` (with line
    /// and column) for a malformed document.
    public static func parse(_ text: String) throws(TOMLError) -> (config: PluginsConfig, problems: [String]) {
        read(from: try TOMLParser.parse(text))
    }

    /// Merges a project config over this one (the project's flags and tables win;
    /// trusted projects come only from the user config, never from a project).
    public func overlaid(with project: PluginsConfig) -> PluginsConfig {
        var merged = self
        merged.enabled.merge(project.enabled) { _, p in p }
        merged.tables.merge(project.tables) { _, p in p }
        return merged
    }

    /// A TOML value as the config's `ConfigValue`; dates and times become their RFC
    /// 3339 text.
    public static func configValue(_ value: TOMLValue) -> ConfigValue? {
        switch value {
        case .boolean(let b): return .bool(b)
        case .integer(let i): return .integer(i)
        case .float(let d): return .double(d)
        case .string(let s): return .string(s)
        case .dateTime(let d): return .string(d.description)
        case .array(let a): return .array(a.compactMap { configValue($0) })
        case .table(let t):
            var out: [String: ConfigValue] = [:]
            for (k, v) in t { if let c = configValue(v) { out[k] = c } }
            return .table(out)
        }
    }
}
