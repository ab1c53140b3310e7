import PsqluiCore

/// `:timing` / `\timing [on|off]`: show how long each statement took (toggles without
/// an argument).
struct TimingCommand: REPLCommand {
    let about = CommandDescription(name: "timing", aliases: ["\\timing"], summary: "show how long each statement took",
                                   usage: ":timing [on|off]", group: "Display")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 1

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        evaluator.timing = call.words.first.flatMap(VariableStore.parseBool) ?? !evaluator.timing
        return env.confirm("Timing is \(evaluator.timing ? "on" : "off").")
    }
}
