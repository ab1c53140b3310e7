import PsqluiCore

/// `\t [on|off]`: rows only (no header or footer); toggles without an argument.
struct TuplesOnlyCommand: REPLCommand {
    let about = CommandDescription(name: "\\t", summary: "show only rows (no header, no footer)", usage: "\\t [on|off]", group: "Display")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        evaluator.printSettings.tuplesOnly = call.words.first.flatMap(VariableStore.parseBool) ?? !evaluator.printSettings.tuplesOnly
        return .ok
    }
}
