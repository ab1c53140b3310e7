import PsqluiCore

/// `:quit` (`:q`, `\q`): leave psqlui.
struct QuitCommand: REPLCommand {
    let about = CommandDescription(name: "quit", aliases: ["q", "\\q", "\\quit"], summary: "leave psqlui", usage: ":quit", group: "Session")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 0

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult { .quit }
}
