import PsqluiCore

/// `:delete-saved NAME` / `\nd NAME`: deletes a named query.
struct DeleteNamedQueryCommand: REPLCommand {
    let about = CommandDescription(name: "delete-saved", aliases: ["\\nd"], summary: "delete a named query", usage: ":delete-saved NAME",
                                   group: "Named queries", completion: NamedQueryNames.completion)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        guard call.words.count == 1, let name = call.words.first else {
            env.evaluator.reportError("\(call.displayName): \(NamedQueryError.usage(":delete-saved NAME"))")
            return .failed
        }
        do {
            try NamedQueryStore().delete(name: name)
        } catch {
            env.evaluator.reportError("\(call.displayName): \(error)")
            return .failed
        }
        return env.confirm("Deleted \(name).")
    }
}
