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
            return command.run(call, in: env)
        case .plugin(let plugin):
            let registry = env.evaluator.commands.plugins
            return SpecCommand.runThroughContext(call, in: env) { invocation, context in
                await registry.runPluginCommand(plugin: plugin, invocation, context: context) == .succeeded
            }
        }
    }
}
