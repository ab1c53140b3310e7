import PsqluiCore

/// Runs a parsed call: a host command directly, a plugin's through the registry.
enum CommandRunner {
    /// True for the commands that run inside an inactive `\if` branch (`\elif`,
    /// `\else`, `\endif`, a nested `\if`): their entry declares it.
    static func runsInInactiveBranch(_ entry: CommandEntry<any REPLCommand>) -> Bool {
        if case .host(let command) = entry.target { return command.runsInInactiveBranch }
        return false
    }

    static func run(_ entry: CommandEntry<any REPLCommand>, _ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        switch entry.target {
        case .host(let command):
            let result = command.run(call, in: env)
            // psql eats what a command left on its line after it ran, warning about each word.
            if call.form == .backslash, let limit = command.argumentLimit, result == .ok || result == .quit {
                for extra in MetaCommandArguments.ignoredWords(call.arguments).dropFirst(limit) {
                    env.evaluator.reportWarning("\\\(call.name): extra argument \"\(extra)\" ignored")
                }
            }
            return result
        case .plugin(let plugin):
            let registry = env.evaluator.commands.plugins
            return SpecCommand.runThroughContext(call, in: env) { invocation, context in
                await registry.runPluginCommand(plugin: plugin, invocation, context: context) == .succeeded
            }
        }
    }
}
