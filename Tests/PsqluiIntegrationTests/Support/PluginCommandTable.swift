import PsqluiCore
import PsqluiPluginAPI

extension CommandTable {
    /// A table with no host commands whose plugin names `registry` routes into it:
    /// what plugin tests need without the REPL.
    static func forPlugins(_ registry: PluginRegistry) -> CommandTable<Never> {
        CommandTable<Never>(plugins: registry)
    }

    /// Runs plugin command `name` as the REPL does: the words split by the one
    /// splitter, the plugin activated by the registry.
    func runPluginCommand(_ name: String, _ arguments: String = "", context: CommandContext) async -> CommandOutcome {
        guard let plugin = plugin(providingCommand: name) else { return .unknownCommand }
        let words = MetaCommandArguments.split(Array(arguments.utf8), grammar: .words, variables: nil)
        return await plugins.runPluginCommand(plugin: plugin, CommandInvocation(name: name, arguments: arguments, words: words),
                                              context: context)
    }
}
