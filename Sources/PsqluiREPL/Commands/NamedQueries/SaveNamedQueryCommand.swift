import PsqluiCore

/// `:save NAME [QUERY]` / `\ns NAME QUERY`: saves QUERY under NAME (replacing one of
/// that name). Without QUERY it saves the query buffer, else the previous statement.
/// The query after the name completes as SQL.
struct SaveNamedQueryCommand: REPLCommand {
    let about: CommandDescription = {
        var about = CommandDescription(
            name: "save", aliases: ["\\ns"], summary: "save a query under a name (without QUERY: the query buffer or the previous statement)",
            usage: ":save NAME [QUERY]", examples: [":save big_orders select * from orders where total > $1", "\\ns recent select * from orders order by id desc limit 10"],
            group: "Named queries", completion: NamedQueryNames.completion)
        about.sqlFromArgument = 1
        return about
    }()
    let grammar = ArgumentGrammar.wholeLine

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let text = call.text.trimmingWhitespace()
        let name = String(text.prefix { !$0.isWhitespace })
        var query = String(text.dropFirst(name.count)).trimmingWhitespace()
        if name.isEmpty {
            env.evaluator.reportError("\(call.displayName): \(NamedQueryError.usage(":save NAME [QUERY]"))")
            return .failed
        }
        if query.isEmpty {
            var preceding = call.form == .colon ? env.pendingQuery : call.precedingSQL
            if call.form == .colon { env.processor.consumePending() }
            if preceding?.allSatisfy(CommandEnvironment.isBlank) ?? true { preceding = env.evaluator.previousStatement }
            guard let sql = preceding else {
                env.evaluator.reportError("\(call.displayName): no query to save: give one after the name, or run it first")
                return .failed
            }
            query = String(decoding: sql, as: UTF8.self).trimmingWhitespace()
        }
        do {
            try NamedQueryStore().save(name: name, query: query)
        } catch {
            env.evaluator.reportError("\(call.displayName): \(error)")
            return .failed
        }
        return env.confirm("Saved \(name).")
    }
}
