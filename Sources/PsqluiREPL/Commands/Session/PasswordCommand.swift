import PsqluiCore

/// `\password [USER]` (`:password`): change a role's password as psql does. The new
/// password is asked twice without echo (from `/dev/tty`, never the line editor, so
/// never in the history), encrypted here with libpq's `PQencryptPasswordConn` (the
/// server's `password_encryption` picks the algorithm), and only the verifier is
/// sent: `ALTER USER name PASSWORD 'SCRAM-SHA-256$…'`. The clear password never
/// reaches the server, its log or the plugins' statement events.
struct PasswordCommand: REPLCommand {
    let about = CommandDescription(name: "password", aliases: ["\\password"],
                                   summary: "change the password of a user (the current one by default)",
                                   usage: ":password [USER]", group: "Session")
    let grammar = ArgumentGrammar.psql

    /// Asks one line; tests replace it.
    var ask: (String) -> PasswordPrompt.Answer = PasswordPrompt.ask

    func run(_ call: CommandCall, in env: CommandEnvironment) -> StepResult {
        let evaluator = env.evaluator
        let session = evaluator.session
        guard session.isConnected else {
            evaluator.report("You are currently not connected to a database.")
            return .failed
        }
        let user = call.words.first.map { ConnectCommand.dequoted($0, foldingCase: true) } ?? session.userName
        guard case let first = ask("Enter new password for user \"\(user)\": "), first != .cancelled,
              case let second = ask("Enter it again: "), second != .cancelled else {
            return .failed  // Ctrl-C: psql fails silently
        }
        guard Self.text(first) == Self.text(second) else {
            evaluator.reportError("Passwords didn't match.")
            return .failed
        }
        switch session.encryptPassword(Self.text(first), user: user) {
        case .failure(let error):
            evaluator.report(error.message)
            return .failed
        case .success(let verifier):
            let sql = "ALTER USER \(SQLIdentifier.quoted(user)) PASSWORD "
                + "'" + verifier.replacingEvery("'", with: "''") + "'"
            // The tag (ALTER ROLE) is not shown, as psql's internal query does not.
            return env.processor.runUserStatement(Array(sql.utf8), prefix: evaluator.messagePrefix,
                                                  consumer: RowCollector(), remember: false, confirm: false)
        }
    }

    private static func text(_ answer: PasswordPrompt.Answer) -> String {
        if case .text(let s) = answer { return s }
        return ""  // input ended: an empty password, as psql reads it
    }
}
