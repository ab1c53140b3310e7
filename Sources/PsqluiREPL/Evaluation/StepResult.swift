/// How a statement, a command, a script or a whole `-c`/`-f` action ended: psqlui's
/// one outcome type. The session's `ExecutionOutcome` becomes one in
/// `Evaluator.runStatement`; `exitStatus(script:)` is the one function from an
/// outcome to psql's exit status.
public enum StepResult: Equatable {
    case ok
    /// An error was reported (SQL, command, or output); the session is fine. For a
    /// whole script: it ran to the end with errors (psql without ON_ERROR_STOP).
    case failed
    /// A script stopped at an error under ON_ERROR_STOP, or was interrupted (Ctrl-C).
    case stopped
    /// The input could not be opened or read (psql: "could not read from input file").
    case unreadable
    /// The connection is gone.
    case connectionLost
    /// The output pipe closed (batch: end quietly with status 141, as psql).
    case brokenPipe
    /// `\q` / `:quit`.
    case quit
    /// The input ended inside a quote or comment: the script could not be run whole.
    case truncated
}

extension StepResult {
    /// psql 15's exit status when the last action of a run ended this way. In a
    /// script (`-f`, piped stdin) a failed statement does not change the status — only
    /// stopping under ON_ERROR_STOP does (3); a failing `-c` is 1.
    public func exitStatus(script: Bool) -> Int32 {
        switch self {
        case .ok, .quit: return ExitCode.success
        case .failed: return script ? ExitCode.success : ExitCode.failure
        case .stopped, .truncated: return script ? ExitCode.scriptError : ExitCode.failure
        case .unreadable: return ExitCode.failure
        case .connectionLost: return ExitCode.connectionFailed
        case .brokenPipe: return ExitCode.brokenPipe
        }
    }

    /// True when the rest of the input is not run: a quit, a lost connection or
    /// output, a script that stopped or could not be read whole.
    var endsInput: Bool {
        switch self {
        case .ok, .failed: return false
        case .stopped, .unreadable, .connectionLost, .brokenPipe, .quit, .truncated: return true
        }
    }

    /// A whole included script (`\i`) as one step of the script that included it:
    /// errors inside it do not fail `\i` (psql's process_file), stopping or an
    /// unreadable file do.
    var asIncludedStep: StepResult {
        switch self {
        case .ok, .failed: return .ok
        case .stopped, .unreadable, .truncated: return .failed
        case .connectionLost, .brokenPipe, .quit: return self
        }
    }
}
