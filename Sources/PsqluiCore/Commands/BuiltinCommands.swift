import PsqluiPluginAPI

/// The core's own commands, declared as `CommandSpec`s run through the plugin API's
/// `CommandContext` (catalog commands, `:help`, `:plugins`). The host registers them in
/// its command table before any plugin, so a plugin cannot take their names.
public enum BuiltinCommands {
    /// Every core command; `:help` reads `directory`, `:plugins` acts on its registry.
    public static func specs(directory: any CommandDirectory, loader: PluginLoader = PluginLoader()) -> [CommandSpec] {
        CatalogCommands.all + [HelpCommand.spec(directory: directory), SQLHelpCommand.spec, PluginsCommand.spec(registry: directory.plugins, loader: loader)]
    }
}
