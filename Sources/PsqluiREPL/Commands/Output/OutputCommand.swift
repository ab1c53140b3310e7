import FoundationEssentials
import PsqluiCore
import PsqluiPluginAPI

/// `\o [FILE|\|COMMAND]` (`\out`): sends every following result there; without an
/// argument, back to stdout.
struct OutputCommand: REPLCommand {
    let about = CommandDescription(name: "\\o", aliases: ["\\out"], summary: "send all following results to FILE or |COMMAND",
                                   usage: "\\o [FILE | |COMMAND]", group: "Output", completion: .files)
    let grammar = ArgumentGrammar.psql

    /// The target `\o` (or `-o`) opened, receiving results until the next `\o` (one
    /// evaluator per process).
    nonisolated(unsafe) static var current: OpenedOutput?

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        var result = StepResult.ok
        if let previous = Self.current {
            Self.current = nil
            do { try previous.finish() } catch {
                evaluator.reportError("\(error)")
                result = .failed
            }
        }
        evaluator.queryOutput = evaluator.stdout
        guard let target = OutputTarget.metaCommandArgument(call.arguments, variables: { evaluator.variables[$0] }) else { return result }
        do {
            try Self.redirect(evaluator, to: target)
            return result
        } catch {
            evaluator.reportError("\(error)")
            return .failed
        }
    }

    /// Opens `target` and makes it the evaluator's query output (`\o TARGET`, `-o FILE`).
    static func redirect(_ evaluator: Evaluator, to target: OutputTarget) throws {
        let output = try target.open(queryOutput: evaluator.queryOutput)
        current = output
        evaluator.queryOutput = output.writer
    }
}
