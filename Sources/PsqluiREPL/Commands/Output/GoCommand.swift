import PsqluiCore
import PsqluiPluginAPI

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
        // `\g (format=csv …)`: print options for this query only. psql checks them
        // before taking the query buffer, so a bad option leaves the buffer as it was.
        var settings = evaluator.printSettings
        if expanded { settings.expanded = .on }
        var arguments = call.arguments
        do {
            if let group = try PrintOptionGroup.parse(call.arguments, variables: { evaluator.variables[$0] }) {
                for option in group.options { _ = try settings.applyPset(option.name, option.value) }
                arguments = group.rest
            }
        } catch PrintOptionGroup.ParseError.missingRightParenthesis {
            evaluator.reportError("\\\(call.name): missing right parenthesis")
            env.processor.restorePending(call)
            return .failed
        } catch {
            evaluator.reportError((error as? PrintSettings.PsetError)?.description ?? "\\pset: \(error)")
            env.processor.restorePending(call)
            return .failed
        }
        guard let sql = env.statementToRun(for: call) else { return .failed }
        let saved = evaluator.printSettings
        evaluator.printSettings = settings
        defer { evaluator.printSettings = saved }
        guard let target = OutputTarget.metaCommandArgument(arguments, variables: { evaluator.variables[$0] }) else {
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
