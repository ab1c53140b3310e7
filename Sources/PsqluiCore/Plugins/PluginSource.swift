/// Where a plugin came from, for `:plugins` and messages.
public enum PluginSource: Sendable, Hashable, CustomStringConvertible {
    /// Compiled into psqlui (plugins/builtin/…).
    case builtin
    /// A `.so` found in a `$PSQLUI_PLUGIN_PATH` directory.
    case pluginPath(String)
    /// A `.so` in the user's data directory (`~/.local/share/psqlui/plugins`).
    case userData(String)
    /// A `.so` in a trusted project's `.psqlui/plugins`.
    case project(String)
    /// A `.so` loaded with `:plugins load PATH`.
    case loadedByCommand(String)

    /// The library's path, nil for built-ins.
    public var path: String? {
        switch self {
        case .builtin: return nil
        case .pluginPath(let p), .userData(let p), .project(let p), .loadedByCommand(let p): return p
        }
    }

    /// `built-in`, or the origin and path.
    public var description: String {
        switch self {
        case .builtin: return "built-in"
        case .pluginPath(let p): return "PSQLUI_PLUGIN_PATH: \(p)"
        case .userData(let p): return "user: \(p)"
        case .project(let p): return "project: \(p)"
        case .loadedByCommand(let p): return ":plugins load \(p)"
        }
    }
}
