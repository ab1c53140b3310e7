import PsqluiCore
import PsqluiPluginAPI

/// The REPL's own commands (session, variables, scripts, display) declared as
/// registry entries, so that `:help`, completion and the man page list them from the
/// same place as catalog and plugin commands. They are dispatched by the REPL itself
/// (`BackslashCommands`, `ScriptCommands`), which sees them before the registry does.
public enum REPLCommands {
    /// Declarations of the commands the REPL runs itself.
    public static let specs: [CommandSpec] = [
        spec("quit", ["q", "\\q"], "leave psqlui", ":quit", group: "Session"),
        spec("connect", ["c", "\\c"], "connect to another database (name, conninfo or URI)", ":connect [DBNAME|CONNINFO|URI [USER [HOST [PORT]]]]",
             group: "Session", completion: .databases),
        spec("conninfo", ["\\conninfo"], "describe the current connection", ":conninfo", group: "Session"),
        spec("set", ["\\set"], "set a variable, or list all (refuses a command's name)", ":set [NAME [VALUE]]",
             group: "Variables", completion: .variables),
        spec("unset", ["\\unset"], "remove a variable", ":unset NAME", group: "Variables", completion: .variables),
        spec("echo", ["\\echo"], "print text", ":echo TEXT", group: "Scripts"),
        spec("run", ["i", "\\i", "\\ir"], "run a script file (\\ir: relative to the current script)", ":run FILE",
             group: "Scripts", completion: .files),
        spec("watch", ["\\watch"], "re-run the query every SECS seconds until Ctrl-C", ":watch [SECS]", group: "Work"),
        spec("edit", ["\\e"], "edit the query buffer (or FILE) in $EDITOR, then run it", ":edit [FILE]", group: "Work", completion: .files),
        spec("!", ["\\!"], "run a shell command", ":! [COMMAND]", group: "Work"),
        spec("copy", ["\\copy"], "client-side COPY from or to a file, STDIN, STDOUT or PROGRAM", ":copy TABLE FROM|TO FILE|STDIN|STDOUT [WITH ...]",
             group: "Work", completion: .relations),
        spec("gset", ["\\gset"], "run the query, store its row's columns as variables", ":gset [PREFIX]", group: "Scripts"),
        spec("history", ["\\s"], "show the statement history as a pane", ":history [N]", group: "Work"),
        spec("timing", ["\\timing"], "show how long each statement took", ":timing [on|off]", group: "Display"),
        spec("expanded", ["x", "\\x"], "expanded (vertical) records", ":expanded [on|off|auto]", group: "Display"),
        spec("null", ["\\pset null"], "how NULL looks on screen (exporters have their own option)", ":null TEXT", group: "Display"),
        spec("pager", ["\\pset pager"], "page long or wide output, never, or through CMD", ":pager [on|off|CMD]", group: "Display"),
    ]

    private static func spec(_ name: String, _ aliases: [String], _ summary: String, _ usage: String,
                             group: String, completion: ArgumentCompletion = .none) -> CommandSpec {
        CommandSpec(name: name, aliases: aliases, summary: summary, usage: usage, group: group, completion: completion) { invocation, context in
            // Reached only if the REPL did not run it itself (e.g. from a plugin host).
            context.writeError(":\(invocation.name) is run by the interactive REPL")
        }
    }

    /// Registers every built-in command: the REPL's own, then catalog and help.
    public static func registerAll(into registry: PluginRegistry) {
        for spec in specs where registry.commandSpec(named: spec.name) == nil { registry.registerBuiltin(spec) }
        BuiltinCommands.register(into: registry)
    }
}
