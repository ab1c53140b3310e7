import PsqluiCore

/// `\pset [OPTION [VALUE]]`: psql's print settings; without an option, lists them all.
struct PsetCommand: REPLCommand {
    let about = CommandDescription(name: "\\pset", summary: "set a print option (format, border, null, title, …), or list them",
                                   usage: "\\pset [OPTION [VALUE]]", group: "Display")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 2

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        guard let option = call.words.first else { return env.say(env.evaluator.printSettings.psetListing(), newline: false) }
        return env.applyPrintOption(option, call.words.count > 1 ? call.words[1] : nil)
    }
}
