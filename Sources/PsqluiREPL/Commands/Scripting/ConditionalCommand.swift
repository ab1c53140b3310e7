import PsqluiCore

/// `\if EXPR`, `\elif EXPR`, `\else`, `\endif`: psql's conditional blocks, one stack
/// per input (`InputProcessor.conditions`). They also run inside inactive branches.
struct ConditionalCommand: REPLCommand {
    let about = CommandDescription(name: "\\if", aliases: ["\\elif", "\\else", "\\endif"],
                                   summary: "run the following lines only when EXPR is true (\\elif, \\else, \\endif)",
                                   usage: "\\if EXPR … [\\elif EXPR …] [\\else …] \\endif", group: "Scripts")
    let grammar = ArgumentGrammar.psql
    let runsInInactiveBranch = true

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let label = "\\\(call.name) expression"
        let message = env.processor.conditions.apply(call.name, condition: {
            let expression = call.words.joined(separator: " ")
            guard let value = VariableStore.parseBool(expression) else {
                evaluator.reportError("unrecognized value \"\(expression)\" for \"\(label)\": Boolean expected")
                return nil
            }
            return value
        }, splitter: &env.processor.splitter)
        if let message {
            evaluator.reportError(message)
            return .failed
        }
        return .ok
    }
}
