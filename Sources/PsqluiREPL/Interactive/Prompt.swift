import PsqluiCore

/// Builds the prompt the way psql's default `PROMPT1`/`PROMPT2` (`%/%R%x%# `) does:
/// the database name; `=` when a new statement starts, or `-`, `'`, `"`, `$`, `*`,
/// `(` while one continues; `*` in a transaction, `!` in a failed one; `#` for a
/// superuser, else `>`. E.g. `app=>`, `app=*>`, `app=!>`, `app(>`.
public enum Prompt {
    public static func render(database: String, continuation: ContinuationState,
                              transaction: TransactionState, superuser: Bool, connected: Bool = true) -> String {
        let state: String
        switch continuation {
        case .none: state = connected ? "=" : "!"
        case .statement: state = "-"
        case .singleQuote: state = "'"
        case .doubleQuote: state = "\""
        case .dollarQuote: state = "$"
        case .blockComment: state = "*"
        case .parenthesis: state = "("
        }
        return database + state + transaction.promptMarker + (superuser ? "#" : ">") + " "
    }
}
