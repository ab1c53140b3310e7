import PsqluiPluginAPI

/// Registers psqlui's own registry commands (catalog commands, `:help`) before plugins,
/// so a plugin cannot take their names.
public enum BuiltinCommands {
    /// Registers every built-in command spec into `registry`.
    public static func register(into registry: PluginRegistry) {
        for spec in CatalogCommands.all { registry.registerBuiltin(spec) }
        registry.registerBuiltin(HelpCommand.spec(registry: registry))
    }
}
