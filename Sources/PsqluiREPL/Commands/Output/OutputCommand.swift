import Foundation
import PsqluiCore

/// `\o [FILE|\|COMMAND]` (`\out`): sends every following result there; without an
/// argument, back to stdout.
struct OutputCommand: REPLCommand {
    let about = CommandDescription(name: "\\o", aliases: ["\\out"], summary: "send all following results to FILE or |COMMAND",
                                   usage: "\\o [FILE | |COMMAND]", group: "Output", completion: .files)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        if let current = OutputRedirection.persistent {
            current.close()
            OutputRedirection.persistent = nil
        } else if evaluator.queryOutput !== evaluator.stdout {
            try? evaluator.queryOutput.flush()
            close(evaluator.queryOutput.fileDescriptor)
        }
        evaluator.queryOutput = evaluator.stdout
        guard let target = OutputRedirection.target(from: call.arguments, variables: evaluator.variables) else { return .ok }
        do {
            let opened = try OutputRedirection.open(target)
            OutputRedirection.persistent = opened
            evaluator.queryOutput = opened.writer
            return .ok
        } catch {
            evaluator.reportError("\(error)")
            return .failed
        }
    }
}
