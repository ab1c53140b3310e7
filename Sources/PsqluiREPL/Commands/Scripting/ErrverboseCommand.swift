import PsqluiCore

/// `\errverbose`: repeats the most recent server error in its most verbose form
/// (SQLSTATE, detail, hint, context, the server's source location), as psql does;
/// "There is no previous error." when there was none.
struct ErrverboseCommand: REPLCommand {
    let about = CommandDescription(name: "\\errverbose", summary: "show the most recent error in full",
                                   usage: "\\errverbose", group: "Scripts")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 0

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        guard var message = env.evaluator.session.lastErrorVerbose else { return env.say("There is no previous error.") }
        if message.hasSuffix("\n") { message.removeLast() }
        env.evaluator.reportError(message)
        return .ok
    }
}
