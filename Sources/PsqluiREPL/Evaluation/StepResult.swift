/// How one statement or command ended, as the script runner needs to know it.
public enum StepResult: Equatable {
    case ok
    /// An error was reported (SQL, command, or output); the session is fine.
    case failed
    /// The connection is gone.
    case connectionLost
    /// The output pipe closed (batch: end quietly with status 141, as psql).
    case brokenPipe
    /// `\q` / `:quit`.
    case quit
}
