import PsqluiCore

/// `\p` (`\print`): shows the query buffer, or the previous statement when the buffer
/// is empty, as psql does; "Query buffer is empty." when there is neither.
struct PrintBufferCommand: REPLCommand {
    let about = CommandDescription(name: "\\p", aliases: ["\\print"], summary: "show the query buffer (else the previous statement)",
                                   usage: "\\p", group: "Query buffer")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let buffer = call.form == .backslash ? call.precedingSQL : env.pendingQuery
        if let text = buffer, !text.isEmpty { return env.say(String(decoding: text, as: UTF8.self)) }
        if let previous = env.evaluator.previousStatement { return env.say(String(decoding: previous, as: UTF8.self)) }
        return env.say("Query buffer is empty.")
    }
}

/// `\r` (`\reset`): empties the query buffer (the splitter has already dropped it for
/// the backslash form) and says so unless QUIET.
struct ResetBufferCommand: REPLCommand {
    let about = CommandDescription(name: "\\r", aliases: ["\\reset"], summary: "empty the query buffer",
                                   usage: "\\r", group: "Query buffer")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        env.processor.consumePending()
        return env.confirm("Query buffer reset (cleared).")
    }
}
