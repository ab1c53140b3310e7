import PsqluiCore

/// `:gset` / `\gset [PREFIX]`: runs the query buffer (or the previous statement) and
/// stores the columns of its one row as variables named PREFIX + column.
struct GsetCommand: REPLCommand {
    let about = CommandDescription(name: "gset", aliases: ["\\gset"], summary: "run the query, store its row's columns as variables",
                                   usage: ":gset [PREFIX]", group: "Scripts")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let sql = env.statementToRun(for: call) else { return .failed }
        let prefix = call.words.first ?? ""
        // The results before the last are printed whole (psql's cursor, FETCH_COUNT, is
        // not used for a string of several statements).
        var others = evaluator.printSettings(for: sql, paged: false)
        others.fetchCount = 0
        let collector = GsetCollector(others: ResultPrinter(out: evaluator.queryOutput.buffer, settings: others))
        let result = env.processor.runUserStatement(sql, prefix: evaluator.messagePrefix, consumer: collector)
        guard result == .ok else { return result }
        if let problem = collector.problem {
            evaluator.reportError(problem)
            return .failed
        }
        guard let row = collector.firstRow else { return .ok }
        for (name, value) in zip(collector.columns, row) {
            let variable = prefix + name
            guard VariableName.isValid(variable) else {
                evaluator.reportError("invalid variable name: \"\(variable)\"")
                return .failed
            }
            if BuiltinVariables.hooked.contains(variable) {
                evaluator.reportWarning("attempt to \\gset into specially treated variable \"\(variable)\" ignored")
                continue
            }
            if let value { evaluator.variables[variable] = value } else { evaluator.variables.unset(variable) }
        }
        return .ok
    }
}
