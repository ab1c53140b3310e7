import FoundationEssentials
import PsqluiCore
import PsqluiREPL

/// `psqlui --generate-man-page`: asks this very binary for its argument-parser
/// description and the command table for its commands, then writes the page.
enum ManPageCommand {
    static func render() throws -> String {
        let me = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().path
        let dump = try ChildProcess.run([me, "--experimental-dump-help"])
        let commands = App.startPlugins(skipConfig: true, builtins: BuiltinPlugins.all, report: { _ in })
        return try ManPageWriter.render(toolInfo: Data(dump.output.utf8), commands: commands.descriptions)
    }
}
