import PsqluiCore

/// `\g [FILE|\|COMMAND]` and `\gx`: sends the query buffer (or the previous
/// statement), optionally to a file or a pipe, `\gx` in expanded mode.
struct GoCommand: REPLCommand {
    let about = CommandDescription(name: "\\g", aliases: ["\\gx"],
                                   summary: "run the query buffer, its result to FILE or |COMMAND (\\gx: expanded)",
                                   usage: "\\g [FILE | |COMMAND]", group: "Output", completion: .files)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let expanded = call.name == "gx"
        guard let sql = env.statementToRun(for: call) else { return .failed }
        let saved = evaluator.printSettings
        if expanded { evaluator.printSettings.expanded = .on }
        defer { evaluator.printSettings = saved }
        guard let target = OutputTarget.metaCommandArgument(call.arguments, variables: { evaluator.variables[$0] }) else {
            return env.processor.runUserStatement(sql, prefix: evaluator.messagePrefix)
        }
        let output: OpenedOutput
        do { output = try target.open(queryOutput: evaluator.queryOutput) } catch {
            evaluator.reportError("\(error)")
            return .failed
        }
        let previousOutput = evaluator.queryOutput
        evaluator.queryOutput = output.writer
        var result = env.processor.runUserStatement(sql, prefix: evaluator.messagePrefix)
        evaluator.queryOutput = previousOutput
        do { try output.finish() } catch {
            evaluator.reportError("\(error)")
            if result == .ok { result = .failed }
        }
        // A pipe reader that stopped early is not our reader going away.
        return result == .brokenPipe && output.isPipe ? .ok : result
    }
}
