import Glibc
import PsqluiPluginAPI

/// One config file read: its settings, its plugin part, and what was wrong in it.
public struct ConfigFile: Sendable {
    /// Which file this is (decides whether `trusted_projects` may appear).
    public enum Scope: Sendable { case user, project }

    /// The file's path.
    public let path: String
    /// Known settings by dotted name, already checked against `ConfigKey`.
    public var settings: [String: ConfigValue] = [:]
    /// `[plugins]`, `[plugins.NAME]` and (user file only) `trusted_projects`.
    public var plugins = PluginsConfig()
    /// `[connections.NAME]` profiles (refused ones are in `warnings`).
    public var connections: [String: ConnectionProfile] = [:]
    /// One line each for unknown keys and values of the wrong type (those are ignored).
    public var warnings: [String] = []

    /// Reads `text` (the contents of `path`). A malformed document throws
    /// `ConfigFileError` naming the file, line and column.
    public init(text: String, path: String, scope: Scope) throws {
        try self.init(bytes: Array(text.utf8), path: path, scope: scope)
    }

    /// Reads the bytes of `path` (invalid UTF-8 is a malformed document, not replaced).
    public init(bytes: [UInt8], path: String, scope: Scope) throws {
        self.path = path
        let toml: TOMLTable
        do {
            toml = try TOMLParser.parse(bytes: bytes)
        } catch {
            throw ConfigFileError(path: path, line: error.line, column: error.column, problem: error.problem)
        }
        let (plugins, pluginProblems) = PluginsConfig.read(from: toml)
        self.plugins = plugins
        for problem in pluginProblems { warnings.append(warning(problem)) }
        let (profiles, profileProblems) = ConnectionProfile.read(from: toml)
        connections = profiles
        for problem in profileProblems { warnings.append(warning(problem)) }
        if scope == .project && toml["trusted_projects"] != nil {
            self.plugins.trustedProjects = []
            warnings.append(warning("trusted_projects belongs in the user config; ignored here"))
        }
        for key in toml.keys.sorted() where key != "plugins" && key != "trusted_projects" && key != "connections" {
            guard let value = toml[key] else { continue }
            if ConfigKey.sections.contains(key) {
                guard let table = value.table else {
                    warnings.append(warning("\(key): expected a table ([\(key)])"))
                    continue
                }
                for inner in table.keys.sorted() {
                    if let v = table[inner] { take("\(key).\(inner)", v) }
                }
            } else {
                take(key, value)
            }
        }
    }

    /// Reads the file at `path`; nil when there is no such file. Something there that
    /// cannot be read (a directory, no permission) is an error, not silence.
    public static func load(path: String, scope: Scope) throws -> ConfigFile? {
        let bytes: [UInt8]?
        do {
            bytes = try FileContents.read(path)
        } catch {
            throw ConfigFileError(path: path, line: 0, column: 0,
                                  problem: error.code == EISDIR ? "is a directory, not a file" : "cannot be read")
        }
        guard let bytes else { return nil }
        return try ConfigFile(bytes: bytes, path: path, scope: scope)
    }

    private mutating func take(_ name: String, _ value: TOMLValue) {
        guard let key = ConfigKey.named(name) else {
            warnings.append(warning("unknown key \"\(name)\" (ignored)"))
            return
        }
        guard let converted = PluginsConfig.configValue(value) else { return }
        switch key.validate(converted) {
        case .success(let v): settings[name] = v
        case .failure(let e): warnings.append(warning("\(name): expected \(e.expected) (ignored)"))
        }
    }

    private func warning(_ text: String) -> String { "psqlui: warning: \(path): \(text)" }
}

/// A config file that is not valid TOML.
public struct ConfigFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    /// What the parser found wrong.
    public let problem: String

    /// The one message the user sees.
    public var description: String {
        line == 0 ? "psqlui: error: \(path): \(problem); ignoring this file"
            : "psqlui: error: \(path):\(line):\(column): \(problem); ignoring this file"
    }
}
