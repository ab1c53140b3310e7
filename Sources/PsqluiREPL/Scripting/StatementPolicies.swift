import FoundationEssentials
import Glibc
import PsqluiCore

/// What happens around a user's statement, as psql's SendQuery does it:
/// the destructive-statement question at a terminal, `AUTOCOMMIT off` (an implicit
/// `BEGIN`), `ON_ERROR_ROLLBACK` (a savepoint around each statement in a
/// transaction) and `ECHO errors`.
struct StatementPolicies {
    let evaluator: Evaluator
    let origin: InputOrigin

    static let savepoint = "pg_psql_temporary_savepoint"

    /// Runs one statement the user asked for — typed, `\g`, `\gset`, `:export`,
    /// `:watch`, `\copy`, `-c` — with the policies around it; `consumer` receives its
    /// rows when they do not go to the screen (an export format, `\gset`'s collector).
    /// `remember: false` keeps it from becoming the previous statement (`\copy`);
    /// `confirm: false` when the caller already asked (`:watch` asks once).
    /// `prefix` nil: messages get the evaluator's `messagePrefix` as already set.
    func run(_ sql: [UInt8], prefix: String?, copyIn: (() -> [UInt8]?)?, consumer: QueryResultConsumer? = nil,
             remember: Bool = true, confirm: Bool = true) -> StepResult {
        if let prefix { evaluator.messagePrefix = prefix }
        if evaluator.variables.bool(.singleStep), !verifySingleStep(sql) { return .failed }
        if confirm && !confirmIfDestructive(sql) { return .ok }
        let variables = evaluator.variables
        let session = evaluator.session
        if session.isConnected, session.transactionState == .idle,
           let autocommit = variables[.autocommit], VariableStore.parseBool(autocommit) == false,
           !TransactionControlClassifier.mustNotBeginBefore(sql) {
            if let problem = silently("BEGIN") { evaluator.report(problem); return .failed }
        }
        var usedSavepoint = false
        if session.isConnected, session.transactionState == .inTransaction, onErrorRollback {
            if let problem = silently("SAVEPOINT " + Self.savepoint) { evaluator.report(problem); return .failed }
            usedSavepoint = true
        }
        let result = evaluator.runStatement(sql, prefix: nil, copyIn: copyIn, consumer: consumer, remember: remember)
        if usedSavepoint && session.isConnected {
            switch session.transactionState {
            case .failed:
                _ = silently("ROLLBACK TO " + Self.savepoint)
            case .inTransaction where !TransactionControlClassifier.managesSavepoints(sql):
                _ = silently("RELEASE " + Self.savepoint)
            default: break
            }
        }
        if result == .failed, variables[.echo]?.lowercased() == "errors" {
            evaluator.report("STATEMENT:  " + String(decoding: sql, as: UTF8.self))
        }
        return result
    }

    /// psql's `SINGLESTEP` (`-s`): shows the statement on stdout and reads a line from
    /// stdin; `x` cancels it (not sent, a failed step without a message, as in psql).
    private func verifySingleStep(_ sql: [UInt8]) -> Bool {
        try? evaluator.queryOutput.flush()
        try? evaluator.stdout.write("***(Single step mode: verify command)*******************************************\n")
        try? evaluator.stdout.write(sql)
        try? evaluator.stdout.write("\n***(press return to proceed or enter x and return to cancel)********************\n")
        try? evaluator.stdout.flush()
        return PromptCommand.readLine(from: STDIN_FILENO)?.hasPrefix("x") != true
    }

    /// `on`, or `interactive` at the prompt.
    private var onErrorRollback: Bool {
        guard let value = evaluator.variables[.onErrorRollback] else { return false }
        if value.lowercased() == "interactive" { return origin == .interactive }
        return VariableStore.parseBool(value) ?? false
    }

    /// Runs a bookkeeping statement; returns the error text, or nil.
    private func silently(_ sql: String) -> String? {
        do { _ = try evaluator.session.query(sql); return nil } catch { return "\(error)" }
    }

    /// Asks at a terminal before DROP, TRUNCATE, or DELETE/UPDATE without WHERE;
    /// false when the user said no. Never asks in batch or when turned off.
    func confirmIfDestructive(_ sql: [UInt8]) -> Bool {
        guard origin == .interactive, evaluator.interactive, isatty(0) == 1,
              DestructiveWarning.isEnabled(evaluator.variables),
              // The server refuses writes in a read-only session: nothing to ask.
              !ConnectionProfile.isReadOnly(options: evaluator.session.connectionOptions()),
              let reason = DestructiveStatementClassifier.classify(sql) else { return true }
        try? evaluator.stdout.flush()
        try? evaluator.stderr.write("This statement is destructive (\(reason.description)). Run it? [y/N] ")
        try? evaluator.stderr.flush()
        var answer: [UInt8] = []
        var byte: UInt8 = 0
        while read(0, &byte, 1) == 1 && byte != 0x0a { answer.append(byte) }
        let word = String(decoding: answer, as: UTF8.self).trimmingBlanks().lowercased()
        if word == "y" || word == "yes" { return true }
        evaluator.report("Cancelled; nothing was sent.", prefix: "")
        return false
    }
}

/// The destructive-statement warning's switch: the `WARN_DESTRUCTIVE` variable
/// (`:set WARN_DESTRUCTIVE off`), whose default comes from the config's
/// `warn_destructive`.
enum DestructiveWarning {
    static let variable = "WARN_DESTRUCTIVE"

    static func isEnabled(_ variables: VariableStore) -> Bool {
        guard let value = variables[variable] else { return true }
        return VariableStore.parseBool(value) ?? true
    }
}
