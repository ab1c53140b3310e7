import PsqluiCore
import PsqluiPluginAPI

/// Every command of psqlui's own, each registered once in the command table, before
/// any plugin (so a plugin cannot take their names).
enum HostCommands {
    /// The REPL's commands, by concern.
    static let all: [any REPLCommand] = [
        // Session
        QuitCommand(), ConnectCommand(), ConninfoCommand(), PasswordCommand(), EncodingCommand(), RefreshCommand(), CopyrightCommand(),
        // Variables
        SetCommand(), UnsetCommand(),
        // Scripting
        IncludeCommand(), ConditionalCommand(), GsetCommand(), WatchCommand(), EditCommand(),
        ShellEscapeCommand(), CopyCommand(), GetenvCommand(), SetenvCommand(), ChangeDirectoryCommand(),
        PromptCommand(), ErrverboseCommand(),
        // Query buffer
        PrintBufferCommand(), ResetBufferCommand(), WriteBufferCommand(), DescribeResultCommand(), ExecuteResultCommand(), CrosstabViewCommand(),
        // Output
        GoCommand(), OutputCommand(), ExportCommand(), FormatCommand(),
        // Display
        TimingCommand(), NullCommand(), PagerCommand(), PsetCommand(), HistoryCommand(),
        // Named queries
        RunNamedQueryCommand(), SaveNamedQueryCommand(), DeleteNamedQueryCommand(), ListNamedQueriesCommand(),
    ] + PrintOptionCommand.all + EchoCommand.all + LargeObjectCommand.all + EditDefinitionCommand.all + RestrictCommand.all

    /// A table with every host command, the core's spec commands (catalog, `:help`,
    /// `:plugins`) and the built-in export formats; plugins are registered into
    /// `registry` afterwards and their names routed here.
    static func table(plugins registry: PluginRegistry, loader: PluginLoader = PluginLoader()) -> REPLCommandTable {
        let table = REPLCommandTable(plugins: registry)
        for command in all { table.register(command) }
        for spec in BuiltinCommands.specs(directory: table, loader: loader) { table.register(SpecCommand(spec: spec)) }
        for format in BuiltinExporters.all { table.register(format: format) }
        return table
    }
}
