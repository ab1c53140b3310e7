/// A backslash command as psql's lexer delimits it.
///
/// `name` is everything after the backslash up to whitespace or the next backslash
/// (`d+`, `?`, `!`, `.`, `copy`), exactly as psql takes it; an unknown name is the
/// caller's error to report. `arguments` are the raw bytes after the name: up to
/// the next unquoted backslash for ordinary commands (a following `\\` separator is
/// swallowed, as psql does), or to the end of the line for the whole-line commands
/// (`\!`, `\copy`, `\h`, `\ef`, `\ev`, `\sf`, `\sv`, and `\g`/`\o`/`\w` when an argument
/// starts with `|`). Split them with `MetaCommandArguments`.
public struct MetaCommandCall: Equatable, Sendable {
    public var name: String
    public var arguments: [UInt8]
    /// The input line the backslash is on.
    public var line: Int
    /// The query buffer when the command was reached, or nil when it was empty.
    /// For the commands in `MetaCommandCall.sendingCommands` (`\g`, `\gx`, `\gset`, …)
    /// the splitter has handed the buffer over and cleared it (psql sends it, or the
    /// previous statement when it is nil); for every other command the buffer stays
    /// in the splitter, as in psql (`select 1 \echo x` then `;` sends `select 1 \n;`).
    public var precedingSQL: [UInt8]?
    /// The line where `precedingSQL` began, when there is one.
    public var precedingSQLFirstLine: Int?

    public init(name: String, arguments: [UInt8], line: Int, precedingSQL: [UInt8]? = nil, precedingSQLFirstLine: Int? = nil) {
        self.name = name
        self.arguments = arguments
        self.line = line
        self.precedingSQL = precedingSQL
        self.precedingSQLFirstLine = precedingSQLFirstLine
    }

    /// Commands after which psql sends (or, for `\r`/`\reset`/`\watch`, drops) the query
    /// buffer and resets the lexer's parenthesis and BEGIN nesting.
    public static let sendingCommands: Set<String> = ["g", "gx", "gset", "gexec", "gdesc", "crosstabview", "watch", "r", "reset"]

    /// Commands whose one argument is the rest of the line, backslashes included.
    public static let wholeLineCommands: Set<String> = ["!", "copy", "h", "help", "ef", "ev", "sf", "sf+", "sv", "sv+"]

    /// Commands that read the rest of the line when an argument starts with `|` (a pipe).
    public static let filePipeCommands: Set<String> = ["g", "gx", "o", "out", "w", "write"]
}
