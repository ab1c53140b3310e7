/// One command in the `CommandTable`: what it is called and shows in help, how its
/// arguments are split, and who runs it.
public struct CommandEntry<Host> {
    /// Who runs the command.
    public enum Target {
        /// A command of psqlui's own, run by the host (`Host` is the host's command type).
        case host(Host)
        /// A command a plugin declared, run by the plugin registry after activation.
        case plugin(String)
    }

    /// Names and help; nil for a plugin command whose plugin is not active yet (only
    /// the declared name is known then).
    public var description: CommandDescription?
    public var grammar: ArgumentGrammar
    public var target: Target

    /// An entry.
    public init(description: CommandDescription?, grammar: ArgumentGrammar, target: Target) {
        self.description = description
        self.grammar = grammar
        self.target = target
    }

    /// The plugin running this command, nil for a host command.
    public var plugin: String? {
        if case .plugin(let name) = target { return name }
        return nil
    }
}
