import Foundation
import PsqluiCore
import PsqluiREPL

/// `psqlui --generate-man-page`: asks this very binary for its argument-parser
/// description and the registry for its commands, then writes the page.
enum ManPageCommand {
    static func render() throws -> String {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let dump = try ChildProcess.run([me, "--experimental-dump-help"])
        let registry = PluginRegistry()
        REPLCommands.registerAll(into: registry)
        _ = PluginStartup.run(registry: registry, builtins: BuiltinPlugins.all, discovery: PluginDiscovery(noOutsidePlugins: true))
        return try ManPageWriter.render(toolInfo: Data(dump.output.utf8), commands: registry.knownCommandSpecs)
    }
}
