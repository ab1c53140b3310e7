import PsqluiCore

/// `:pager [on|off|CMD]`: page long or wide output automatically, never, or through CMD.
struct PagerCommand: REPLCommand {
    let about = CommandDescription(name: "pager", summary: "page long or wide output, never, or through CMD",
                                   usage: ":pager [on|off|CMD]", group: "Display")
    let grammar = ArgumentGrammar.wholeLine

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let argument = call.text
        switch argument.lowercased() {
        case "", "on", "auto": evaluator.pager = .automatic
        case "off": evaluator.pager = .off
        default: evaluator.pager = .command(argument)
        }
        switch evaluator.pager {
        case .automatic: return env.confirm("Pager is used for long or wide output.")
        case .off: return env.confirm("Pager usage is off.")
        case .command(let c): return env.confirm("Pager is \(c).")
        }
    }
}
