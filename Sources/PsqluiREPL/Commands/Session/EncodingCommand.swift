import PsqluiCore

/// `:encoding` (`\encoding`) `[ENCODING]`: psql's `\encoding`. Without an argument it
/// shows the client encoding; with one it sets it (`PQsetClientEncoding`) and keeps
/// the `ENCODING` variable current; a name the server does not know is refused in
/// psql's words and leaves the encoding as it was (a script goes on, as psql's).
struct EncodingCommand: REPLCommand {
    let about = CommandDescription(name: "encoding", aliases: ["\\encoding"],
                                   summary: "show or set the client encoding",
                                   usage: ":encoding [ENCODING]", group: "Session")
    let grammar = ArgumentGrammar.psql
    let argumentLimit: Int? = 1

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        guard let name = call.words.first else {
            return env.say(evaluator.session.parameter("client_encoding") ?? "SQL_ASCII")
        }
        guard evaluator.session.setClientEncoding(name) else {
            // Not a failure for ON_ERROR_STOP: psql's script goes on.
            evaluator.reportError("\(name): invalid encoding name or conversion procedure not found")
            return .ok
        }
        evaluator.syncEncodingVariable()
        return .ok
    }
}
