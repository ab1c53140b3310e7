import PsqluiCore

/// `:conninfo` (`\conninfo`): describe the current connection as psql does.
struct ConninfoCommand: REPLCommand {
    let about = CommandDescription(name: "conninfo", aliases: ["\\conninfo"], summary: "describe the current connection",
                                   usage: ":conninfo", group: "Session")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 0

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let s = env.evaluator.session
        let location = s.host.hasPrefix("/") ? "via socket in \"\(s.host)\"" : "on host \"\(s.host)\""
        return env.say("You are connected to database \"\(s.databaseName)\" as user \"\(s.userName)\" \(location) at port \"\(s.port)\".")
    }
}
