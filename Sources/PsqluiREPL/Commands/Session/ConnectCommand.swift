import PsqluiCore

/// `:connect` (`:c`, `\c`, `\connect`) `[DBNAME|CONNINFO|URI [USER [HOST [PORT]]]]`:
/// reconnect; `-` keeps a part. On failure the previous connection is kept.
struct ConnectCommand: REPLCommand {
    let about = CommandDescription(name: "connect", aliases: ["c", "\\c", "\\connect"],
                                   summary: "connect to another database (name, conninfo or URI)",
                                   usage: ":connect [DBNAME|CONNINFO|URI [USER [HOST [PORT]]]]",
                                   group: "Session", completion: .databases)
    let grammar = ArgumentGrammar.psql

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let args = call.words
        var settings = evaluator.session.settings
        if let db = args.first, db != "-" {
            settings.dbname = db
            settings.password = ConnectionSettings.isConnectionString(db) ? nil : settings.password
        }
        if args.count > 1, args[1] != "-" { settings.user = args[1] }
        if args.count > 2, args[2] != "-" { settings.host = args[2] }
        if args.count > 3, args[3] != "-" { settings.port = args[3] }
        do {
            try evaluator.session.reconnect(with: settings)
            return env.say("You are now connected to database \"\(evaluator.session.databaseName)\" as user \"\(evaluator.session.userName)\".")
        } catch {
            evaluator.report("\(error)")
            evaluator.report("Previous connection kept", prefix: "")
            return .failed
        }
    }
}
