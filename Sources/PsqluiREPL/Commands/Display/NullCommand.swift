import PsqluiCore

/// `:null TEXT`: how NULL looks on screen (the rest of the line, as typed).
struct NullCommand: REPLCommand {
    let about = CommandDescription(name: "null", summary: "how NULL looks on screen (exporters have their own option)",
                                   usage: ":null TEXT", group: "Display")
    let grammar = ArgumentGrammar.wholeLine

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        env.evaluator.printSettings.nullString = call.text
        return .ok
    }
}
