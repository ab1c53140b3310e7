import FoundationEssentials
import PsqluiCore

/// `:!` / `\! [COMMAND]`: runs COMMAND (or an interactive `$SHELL`) with the terminal.
struct ShellEscapeCommand: REPLCommand {
    let about = CommandDescription(name: "!", aliases: ["\\!"], summary: "run a shell command", usage: ":! [COMMAND]", group: "Work")
    let grammar = ArgumentGrammar.wholeLine

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        try? evaluator.queryOutput.flush()
        try? evaluator.stdout.flush()
        let line = call.text.isEmpty ? (ProcessInfo.processInfo.environment["SHELL"] ?? "/bin/sh") : call.text
        do {
            return try ShellCommand.run(line) == 0 ? .ok : .failed
        } catch {
            evaluator.reportError("\(error)")
            return .failed
        }
    }
}
