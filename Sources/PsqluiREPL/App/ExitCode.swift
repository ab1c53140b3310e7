/// psqlui's exit statuses, the same as psql 15's.
public enum ExitCode {
    public static let success: Int32 = 0
    /// A fatal error of psqlui's own, or a failing `-c`.
    public static let failure: Int32 = 1
    /// The connection could not be made or was lost.
    public static let connectionFailed: Int32 = 2
    /// A script error under ON_ERROR_STOP (or a script interrupted by Ctrl-C).
    public static let scriptError: Int32 = 3
    /// What the shell reports for a process killed by SIGPIPE.
    public static let brokenPipe: Int32 = 141
}
