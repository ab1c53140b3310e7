/// Where an effective setting came from, as `psqlui --print-config` shows it.
public enum ConfigSource: Sendable, Equatable, CustomStringConvertible {
    /// psqlui's built-in default.
    case defaultValue
    /// The user's `config.toml` at this path.
    case userFile(String)
    /// A trusted project's `.psqlui/config.toml` at this path.
    case projectFile(String)
    /// A command-line option (`-P`, `-x`, `-v`, …).
    case commandLine

    public var description: String {
        switch self {
        case .defaultValue: return "default"
        case .userFile(let path): return "user file " + path
        case .projectFile(let path): return "project file " + path
        case .commandLine: return "command line"
        }
    }
}
