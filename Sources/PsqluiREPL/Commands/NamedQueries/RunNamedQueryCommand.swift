import PsqluiCore

/// `:run-saved NAME [ARG…]` / `\n [NAME [ARG…]]`: runs a saved query with its
/// positional parameters filled in (`NamedQueryTemplate`), as a statement the user
/// typed (`StatementPolicies`). Without a name it lists the saved queries, as pgcli's `\n`.
struct RunNamedQueryCommand: REPLCommand {
    let about = CommandDescription(
        name: "run-saved", aliases: ["\\n"], summary: "run a named query ($1, $2, … take the arguments; $* and $@ the rest)",
        usage: ":run-saved NAME [ARG…]",
        examples: [":save by_status select * from orders where status = '$1'", ":run-saved by_status paid", "\\n by_status shipped"],
        group: "Named queries", completion: NamedQueryNames.completion)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        guard let name = call.words.first else { return ListNamedQueriesCommand.list(pattern: nil, in: env) }
        let sql: String
        do {
            let query = try NamedQueryStore().query(named: name)
            let arguments = Array(call.words.dropFirst())
            sql = NamedQueryTemplate.hasPlaceholders(query) || !arguments.isEmpty
                ? try NamedQueryTemplate.substitute(query, arguments: arguments) : query
        } catch {
            env.evaluator.reportError("\(call.displayName): \(error)")
            return .failed
        }
        return env.processor.runUserStatement(Array(sql.utf8), prefix: env.evaluator.messagePrefix)
    }
}

extension CommandCall {
    /// The name as typed, with its colon or backslash (`:save`, `\ns`), for messages.
    var displayName: String { (form == .colon ? ":" : "\\") + name }
}
