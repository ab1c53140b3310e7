/// A plugin failed while being used; `messages` are what to show the user (one line
/// naming the plugin, plus a second when it was just disabled).
public struct PluginFault: Error, Sendable, Equatable, CustomStringConvertible {
    /// The plugin's name.
    public var plugin: String
    /// Lines for the user.
    public var messages: [String]

    /// Creates a fault.
    public init(plugin: String, messages: [String]) {
        self.plugin = plugin
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "\n") }
}

/// What became of a colon command.
public enum CommandOutcome: Sendable, Equatable {
    /// The handler returned.
    case succeeded
    /// The command failed; the error was written to the context's error stream.
    case failed
    /// No registered command has this name (the line is SQL, or a typo).
    case unknownCommand
}
