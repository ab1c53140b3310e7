import PsqluiCore

/// `:expanded` (`:x`, `\x`) `[on|off|auto]`: expanded (vertical) records.
struct ExpandedCommand: REPLCommand {
    let about = CommandDescription(name: "expanded", aliases: ["x", "\\x"], summary: "expanded (vertical) records",
                                   usage: ":expanded [on|off|auto]", group: "Display")
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let value: PrintSettings.Expanded
        switch call.words.first?.lowercased() {
        case nil: value = evaluator.printSettings.expanded == .on ? .off : .on
        case "auto": value = .auto
        case let word?:
            guard let b = VariableStore.parseBool(word) else {
                evaluator.reportError("\\x: unrecognized value \"\(word)\": expected on, off or auto")
                return .failed
            }
            value = b ? .on : .off
        }
        evaluator.printSettings.expanded = value
        return env.say(value == .auto ? "Expanded display is used automatically." : "Expanded display is \(value == .on ? "on" : "off").")
    }
}
