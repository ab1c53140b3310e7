import FoundationEssentials
import PsqluiCore
import PsqluiPluginAPI

/// A core command declared as a plugin-API `CommandSpec` (catalog commands, `:help`,
/// `:plugins`, `:refresh`), run through a `CommandContext` like a plugin's command.
struct SpecCommand: REPLCommand {
    let spec: CommandSpec
    var about: CommandDescription { CommandDescription(spec) }
    /// psql's `\d` family (help group "Catalog") lexes its patterns as psql does:
    /// `:var`, `:"var"` interpolated, double quotes kept for the pattern rules.
    var grammar: ArgumentGrammar { spec.group == "Catalog" ? .psql : .words }

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        Self.runThroughContext(call, in: env) { [spec] invocation, context in
            do {
                try await spec.handler(invocation, context)
                return true
            } catch {
                let message = String(describing: error)
                // An empty message: the command already reported the problem itself.
                if !message.isEmpty { context.writeError(":\(invocation.name): \(message)") }
                return false
            }
        }
    }

    /// Runs `body` with the call as a `CommandInvocation` and the REPL's context, and
    /// waits for it: the REPL thread is not on the cooperative pool, so blocking it is
    /// safe, and it runs the command's queries itself meanwhile (`SessionExecutor`).
    static func runThroughContext(_ call: CommandCall, in env: CommandEnvironment,
                                  _ body: @escaping (CommandInvocation, CommandContext) async -> Bool) -> StepResult {
        let context = REPLCommandContext(evaluator: env.evaluator, queryBuffer: "")
        let invocation = CommandInvocation(name: call.tableKey, arguments: call.text, words: call.words)
        let succeeded = (try? BlockingAsync.run(serving: env.evaluator.sessionExecutor) { await body(invocation, context) }) ?? false
        try? env.evaluator.queryOutput.flush()
        if context.brokenPipe { return .brokenPipe }
        return succeeded ? .ok : .failed
    }
}
