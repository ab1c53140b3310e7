import PsqluiCore
import PsqluiPluginAPI

/// `:set` / `\set [NAME [VALUE ...]]`: set a variable (the values joined), or list
/// them all. `:set` refuses a name that is also a command name or alias (DESIGN);
/// psql's `\set` does not.
struct SetCommand: REPLCommand {
    let about = CommandDescription(name: "set", aliases: ["\\set"], summary: "set a variable, or list all (refuses a command's name)",
                                   usage: ":set [NAME [VALUE]]", group: "Variables", completion: .variables)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let name = call.words.first else {
            for (n, v) in evaluator.variables.all { try? evaluator.stdout.write("\(n) = '\(v)'\n") }
            try? evaluator.stdout.flush()
            return .ok
        }
        if !VariableName.isValid(name) {
            evaluator.reportError("invalid variable name: \"\(name)\"")
            return .failed
        }
        if call.form == .colon && evaluator.commands.isCommand(name) {
            evaluator.reportError("cannot set variable \"\(name)\": it is also a command name")
            return .failed
        }
        let typed = call.words.dropFirst().joined()
        let value = BuiltinVariables.substitute(name, typed) ?? typed
        if let problem = BuiltinVariables.invalidValueMessage(name, value) {
            evaluator.reportError(problem)
            return .failed
        }
        evaluator.variables[name] = value
        return .ok
    }
}
