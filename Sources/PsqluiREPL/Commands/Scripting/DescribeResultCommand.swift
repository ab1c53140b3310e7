import PsqluiCore

/// `\gdesc`: describes the columns the query buffer (or the previous statement) would
/// return, without running it, as psql 15 does: the statement is prepared, and the
/// names and types are shown as a result table ("Column", "Type").
struct DescribeResultCommand: REPLCommand {
    let about = CommandDescription(name: "\\gdesc", summary: "describe the result of the query, without running it",
                                   usage: "\\gdesc", group: "Query buffer")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let sql = env.statementToRun(for: call) else { return .failed }
        // As psql, the described query becomes the previous one (a later `\g` runs it).
        evaluator.previousStatement = sql
        let columns: [PGSession.DescribedColumn]
        do {
            columns = try evaluator.session.describe(sql)
        } catch {
            evaluator.report("\(error)")
            evaluator.setResultVariables(.serverError(message: "\(error)", sqlState: evaluator.session.lastDescribeSQLState))
            return .failed
        }
        guard !columns.isEmpty else { return env.say("The command has no result, or the result has no columns.") }
        let rows = columns.map { "(\(String(decoding: VariableQuoting.literal(Array($0.name.utf8)), as: UTF8.self)), '\($0.typeOID)'::pg_catalog.oid, \($0.typeModifier))" }
        let query = "SELECT name AS \"Column\", pg_catalog.format_type(tp, tpm) AS \"Type\"\nFROM (VALUES "
            + rows.joined(separator: ",") + ") s(name, tp, tpm)"
        return evaluator.runStatement(Array(query.utf8), prefix: evaluator.messagePrefix, remember: false)
    }
}

/// `\gexec`: runs the query buffer (or the previous statement), then runs each value
/// of its result, row by row and left to right, as a statement of its own (NULLs are
/// skipped), as psql does. ON_ERROR_STOP stops at the first failing one.
struct ExecuteResultCommand: REPLCommand {
    let about = CommandDescription(name: "\\gexec", summary: "run the query, then run each value of its result as a statement",
                                   usage: "\\gexec", group: "Query buffer")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 0

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let sql = env.statementToRun(for: call) else { return .failed }
        let prefix = evaluator.messagePrefix
        let collector = RowCollector()
        let first = env.processor.runUserStatement(sql, prefix: prefix, consumer: collector)
        guard first == .ok else { return first }
        // The generated statements do not become the previous statement (psql keeps the
        // \gexec query).
        defer { evaluator.previousStatement = sql }
        var worst = StepResult.ok
        for row in collector.rows {
            for case let value? in row {
                if evaluator.variables["ECHO"] == "all" { _ = env.say(value) }
                switch env.processor.runUserStatement(Array(value.utf8), prefix: prefix) {
                case .ok: continue
                case .failed:
                    worst = .failed
                    if env.processor.stopsOnError { return .failed }
                case let stop: return stop
                }
            }
        }
        return worst
    }
}
