import FoundationEssentials
import Glibc
import PsqluiPluginAPI

/// psqlui's effective configuration: defaults, then the user's
/// `$XDG_CONFIG_HOME/psqlui/config.toml` (default `~/.config/psqlui/config.toml`),
/// then a *trusted* project's `.psqlui/config.toml` (the nearest one from the current
/// directory up), then the command line — each later one wins. Remembers where each
/// setting came from for `psqlui --print-config`.
public struct ConfigStore: Sendable {
    /// Effective settings that are not defaults, with where they came from.
    public private(set) var entries: [String: (value: ConfigValue, source: ConfigSource)] = [:]
    /// The plugin part of both files (project tables and flags win).
    public var plugins = PluginsConfig()
    /// `[connections.NAME]` profiles of both files (a project's wins by name).
    public var connections: [String: ConnectionProfile] = [:]
    /// Lines for stderr: a malformed file, unknown keys, an untrusted project.
    public var messages: [String] = []
    /// The user config's path (whether or not it exists).
    public var userFilePath: String?
    /// The nearest project directory (holding `.psqlui/`), trusted or not.
    public var projectDirectory: String?
    /// True when the project is untrusted and has something the notice told about,
    /// so plugin discovery need not say it again.
    public var reportedUntrustedProject = false

    /// Defaults only.
    public init() {}

    /// Reads the config files (none when `skipFiles`, i.e. `-X`).
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment,
                            currentDirectory: String = FileManager.default.currentDirectoryPath,
                            skipFiles: Bool = false) -> ConfigStore {
        var store = ConfigStore()
        store.userFilePath = userConfigPath(environment: environment)
        guard !skipFiles else { return store }
        if let path = store.userFilePath, let file = store.read(path, scope: .user) {
            store.overlay(file, source: .userFile(path))
            store.plugins.trustedProjects = file.plugins.trustedProjects
        }
        let discovery = PluginDiscovery(environment: environment, currentDirectory: currentDirectory,
                                        trustedProjects: store.plugins.trustedProjects)
        guard let project = discovery.projectDirectory else { return store }
        store.projectDirectory = project
        let path = project + "/.psqlui/config.toml"
        if discovery.isTrusted(project) {
            if let file = store.read(path, scope: .project) { store.overlay(file, source: .projectFile(path)) }
        } else if let notice = untrustedNotice(project: project) {
            store.messages.append(notice)
            store.reportedUntrustedProject = true
        }
        return store
    }

    /// `$XDG_CONFIG_HOME/psqlui/config.toml`, else `$HOME/.config/psqlui/config.toml`.
    public static func userConfigPath(environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CONFIG_HOME"], !xdg.isEmpty { return xdg + "/psqlui/config.toml" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.config/psqlui/config.toml" }
        return nil
    }

    /// The one-line notice for an untrusted project that has a config or plugins
    /// (nil when its `.psqlui/` holds neither).
    public static func untrustedNotice(project: String) -> String? {
        var ignored: [String] = []
        if FileManager.default.fileExists(atPath: project + "/.psqlui/config.toml") { ignored.append(".psqlui/config.toml") }
        if !PluginDiscovery.libraries(in: project + "/.psqlui/plugins").isEmpty { ignored.append(".psqlui/plugins") }
        guard !ignored.isEmpty else { return nil }
        return "psqlui: ignoring \(ignored.joined(separator: " and ")) of untrusted project \(project); to trust it: psqlui --trust-project \(project)"
    }

    /// The effective value of `key` (nil: no default and not set).
    public func value(_ key: ConfigKey) -> ConfigValue? { entries[key.name]?.value ?? key.defaultValue }

    /// Where the effective value of `key` came from.
    public func source(_ key: ConfigKey) -> ConfigSource { entries[key.name]?.source ?? .defaultValue }

    /// True when a file (not the default) set `key`.
    public func isSet(_ key: ConfigKey) -> Bool { entries[key.name] != nil }

    /// Records that the command line set `key` (it wins over every file).
    public mutating func setFromCommandLine(_ key: ConfigKey, _ value: ConfigValue) {
        entries[key.name] = (value, .commandLine)
    }

    /// `--print-config`: one line per setting, `name = value    # source`, then the
    /// plugin flags and tables and the trusted projects.
    public func printedLines() -> [String] {
        var lines: [String] = []
        for key in ConfigKey.all {
            let shown = value(key).map(Self.tomlText) ?? "(not set)"
            lines.append("\(key.name) = \(shown)  # \(source(key))")
        }
        for name in plugins.enabled.keys.sorted() {
            lines.append("plugins.\(name) = \(plugins.enabled[name]! ? "true" : "false")  # \(pluginSource(name))")
        }
        for name in plugins.tables.keys.sorted() {
            for (k, v) in plugins.tables[name]!.sorted(by: { $0.key < $1.key }) where k != "enabled" {
                lines.append("plugins.\(name).\(k) = \(Self.tomlText(Self.masked(v, key: k)))  # \(pluginSource(name))")
            }
        }
        let trusted = ConfigValue.array(plugins.trustedProjects.map { .string($0) })
        lines.append("trusted_projects = \(Self.tomlText(trusted))  # \(userFilePath.map { ConfigSource.userFile($0) } ?? .defaultValue)")
        return lines
    }

    /// What `--print-config` shows for a value: secrets (by key name, also inside
    /// tables) as `********`.
    static func masked(_ value: ConfigValue, key: String) -> ConfigValue {
        if SecretFilter.isSecretConfigKey(key) { return .string("********") }
        if case .table(let table) = value {
            return .table(Dictionary(uniqueKeysWithValues: table.map { ($0.key, masked($0.value, key: $0.key)) }))
        }
        return value
    }

    /// A value as TOML text, on one line (`TOMLWriter`; table keys sorted).
    public static func tomlText(_ value: ConfigValue) -> String { TOMLWriter.singleLine(tomlValue(value)) }

    private static func tomlValue(_ value: ConfigValue) -> TOMLValue {
        switch value {
        case .string(let s): return .string(s)
        case .integer(let i): return .integer(i)
        case .double(let d): return .float(d)
        case .bool(let b): return .boolean(b)
        case .array(let a): return .array(a.map(tomlValue))
        case .table(let t):
            var table = TOMLTable()
            for (k, v) in t.sorted(by: { $0.key < $1.key }) { table[k] = tomlValue(v) }
            return .table(table)
        @unknown default: return .string("\(value)")
        }
    }

    // MARK: Reading

    private var pluginSources: [String: ConfigSource] = [:]

    private func pluginSource(_ name: String) -> ConfigSource { pluginSources[name] ?? .defaultValue }

    /// Reads one file; a malformed one becomes a single message and contributes nothing.
    private mutating func read(_ path: String, scope: ConfigFile.Scope) -> ConfigFile? {
        do {
            guard let file = try ConfigFile.load(path: path, scope: scope) else { return nil }
            messages += file.warnings
            return file
        } catch {
            messages.append("\(error)")
            return nil
        }
    }

    private mutating func overlay(_ file: ConfigFile, source: ConfigSource) {
        for (name, value) in file.settings { entries[name] = (value, source) }
        for name in Set(file.plugins.enabled.keys).union(file.plugins.tables.keys) { pluginSources[name] = source }
        plugins = plugins.overlaid(with: file.plugins)
        connections.merge(file.connections) { _, new in new }
    }
}
