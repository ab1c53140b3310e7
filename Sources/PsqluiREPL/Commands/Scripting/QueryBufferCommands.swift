import PsqluiCore
import PsqluiPluginAPI

/// `\p` (`\print`): shows the query buffer, or the previous statement when the buffer
/// is empty, as psql does; "Query buffer is empty." when there is neither.
struct PrintBufferCommand: REPLCommand {
    let about = CommandDescription(name: "\\p", aliases: ["\\print"], summary: "show the query buffer (else the previous statement)",
                                   usage: "\\p", group: "Query buffer")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 0

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
    let argumentLimit: Int? = 0

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        env.processor.consumePending()
        return env.confirm("Query buffer reset (cleared).")
    }
}

/// `\w FILE` (`\write`, also `\w |COMMAND`): writes the query buffer, else the previous
/// statement, with a newline after it, as psql does; nothing is written when there is
/// neither. Opens its target the way `\o` and `\g` do (`OutputTarget`).
struct WriteBufferCommand: REPLCommand {
    let about = CommandDescription(name: "\\w", aliases: ["\\write"], summary: "write the query buffer to FILE or |COMMAND",
                                   usage: "\\w FILE | \\w |COMMAND", group: "Query buffer", completion: .files)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let target = OutputTarget.metaCommandArgument(call.arguments, variables: { evaluator.variables[$0] }) else {
            evaluator.reportError("\\\(call.name): missing required argument")
            return .failed
        }
        let buffer = call.form == .backslash ? call.precedingSQL : env.pendingQuery
        let text = (buffer?.isEmpty == false ? buffer : nil) ?? evaluator.previousStatement
        do {
            let opened = try target.open(queryOutput: evaluator.queryOutput)
            defer { try? opened.finish() }
            if let text, !text.isEmpty { try opened.writer.write(String(decoding: text, as: UTF8.self) + "\n") }
            try opened.finish()
            return .ok
        } catch {
            evaluator.reportError("\(error)")
            return .failed
        }
    }
}
