/// How a statement ended, which decides the exit code and the prompt.
public enum ExecutionOutcome: Equatable {
    /// Every result succeeded.
    case success
    /// The server reported an error; `message` is libpq's text (with LINE and caret).
    case serverError(message: String, sqlState: String?)
    /// The consumer failed (e.g. a closed output pipe or an exporter error).
    case outputError(message: String, brokenPipe: Bool)
    /// The connection is gone; `messages` are what the server and libpq said (each
    /// printed on its own, as psql does).
    case connectionLost(messages: [String])
}

/// The transaction state of the session, as the prompt shows it.
public enum TransactionState: Equatable, Sendable {
    case idle, inTransaction, failed, active, unknown

    /// psql's `%x` prompt character: empty, `*`, `!`, or `?`.
    public var promptMarker: String {
        switch self {
        case .idle, .active: return ""
        case .inTransaction: return "*"
        case .failed: return "!"
        case .unknown: return "?"
        }
    }
}
