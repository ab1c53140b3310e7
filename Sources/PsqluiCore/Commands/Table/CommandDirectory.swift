import PsqluiPluginAPI

/// The read side of the command table that help, completion and the man page use:
/// every name, every description, every export format. (`CommandTable` is generic
/// over the host's command type; this view is not.)
public protocol CommandDirectory: AnyObject, Sendable {
    /// Every command name and alias, sorted.
    var commandNames: [String] { get }
    /// Every export format name, sorted.
    var formatNames: [String] { get }
    /// True when `name` is a command name or alias (a declared plugin command too).
    func isCommand(_ name: String) -> Bool
    /// The description of the command called `name`, nil when unknown or when its
    /// plugin is not active yet.
    func description(of name: String) -> CommandDescription?
    /// Every distinct command with a known description, by name.
    var descriptions: [CommandDescription] { get }
    /// The plugin declaring command `name`, nil for a host or unknown command.
    func plugin(providingCommand name: String) -> String?
    /// The plugin registry (lifecycle, `:plugins`).
    var plugins: PluginRegistry { get }
}
