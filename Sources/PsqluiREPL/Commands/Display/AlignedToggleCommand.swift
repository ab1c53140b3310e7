import PsqluiCore

/// `\a`: toggles between aligned and unaligned output.
struct AlignedToggleCommand: REPLCommand {
    let about = CommandDescription(name: "\\a", summary: "toggle between aligned and unaligned output", usage: "\\a", group: "Display")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let settings = env.evaluator.printSettings
        env.evaluator.printSettings.format = settings.format == .aligned ? .unaligned : .aligned
        return .ok
    }
}
