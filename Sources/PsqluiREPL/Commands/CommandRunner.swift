import PsqluiCore

/// Runs a parsed call: a host command directly, a plugin's through the registry.
enum CommandRunner {
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
