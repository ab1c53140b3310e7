import PsqluiPluginAPI

/// The built-in `clipboard` plugin: `:yank [FORMAT]` copies a result to the clipboard
/// (OSC 52 at the terminal, or wl-copy / xclip / pbcopy).
public final class ClipboardPluginDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "clipboard" }
    public var version: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { ":yank [FORMAT] copies a result to the clipboard (OSC 52, wl-copy, xclip, pbcopy)" }
    public var declaredCommands: [String] { ["yank"] }

    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        let command = YankCommand(settings: try YankCommand.Settings(config: ctx.config), intel: ctx.sqlIntel)
        return PluginProviders(commands: [command.spec])
    }
}
