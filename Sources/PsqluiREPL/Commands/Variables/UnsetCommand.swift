import PsqluiCore
import PsqluiPluginAPI

/// `:unset` / `\unset NAME`: remove a variable.
struct UnsetCommand: REPLCommand {
    let about = CommandDescription(name: "unset", aliases: ["\\unset"], summary: "remove a variable", usage: ":unset NAME",
                                   group: "Variables", completion: .variables)
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 1

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        guard let name = call.words.first else {
            env.evaluator.reportError("\\unset: missing required argument")
            return .failed
        }
        // psql puts its default back for the variables it never lets go unset.
        if let value = BuiltinVariables.substitute(name, nil) { env.variables[name] = value } else { env.variables.unset(name) }
        return .ok
    }
}
