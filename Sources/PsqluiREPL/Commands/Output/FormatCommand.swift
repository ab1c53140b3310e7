import PsqluiCore
import PsqluiPluginAPI

/// `:format FORMAT [name=value ...]`: shows every following result in a format
/// (aligned and unaligned are the screen printer's; any other is an export format).
struct FormatCommand: REPLCommand {
    let about = CommandDescription(name: "format", summary: "show every following result in a format (aligned, unaligned, csv, json, …)",
                                   usage: ":format FORMAT [name=value ...]", examples: [":format csv", ":format aligned"],
                                   group: "Output", completion: .formats)
    let grammar = ArgumentGrammar.words

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let name = call.words.first else {
            let current = evaluator.resultFormat?.spec.name ?? evaluator.printSettings.format.rawValue
            return env.confirm("Output format is \(current).")
        }
        if let builtin = PrintSettings.Format.screenFormat(named: name), call.words.count == 1 {
            evaluator.printSettings.format = builtin
            evaluator.resultFormat = nil
            return .ok
        }
        do {
            evaluator.resultFormat = try evaluator.resultFormat(from: call.text, command: "format")
            return .ok
        } catch {
            evaluator.reportError(":format: \(error)")
            return .failed
        }
    }
}
