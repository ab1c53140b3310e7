/// Where input comes from; decides the error-line prefix, as psql does:
/// `psqlui:FILE:LINE:` for `-f FILE`, `psqlui:<stdin>:LINE:` for `-f -`, nothing for
/// a script piped to stdin, `-c` or the interactive prompt.
public enum InputOrigin: Equatable {
    case interactive
    case commandString
    case file(path: String)
    case stdinFile
    case pipedStdin

    /// The prefix for a message about line `line`.
    public func prefix(line: Int) -> String {
        switch self {
        case .file(let path): return "psqlui:\(path):\(line): "
        case .stdinFile: return "psqlui:<stdin>:\(line): "
        case .interactive, .commandString, .pipedStdin: return ""
        }
    }

    /// The prefix for a message about the input as a whole (`psqlui:FILE: `), as psql
    /// names a file it could not read.
    public var inputPrefix: String {
        switch self {
        case .file(let path): return "psqlui:\(path): "
        case .stdinFile: return "psqlui:<stdin>: "
        case .interactive, .commandString, .pipedStdin: return "psqlui: "
        }
    }

    /// True for input read as a script (errors count toward ON_ERROR_STOP's exit 3).
    public var isScript: Bool {
        switch self {
        case .file, .stdinFile, .pipedStdin: return true
        case .interactive, .commandString: return false
        }
    }
}
