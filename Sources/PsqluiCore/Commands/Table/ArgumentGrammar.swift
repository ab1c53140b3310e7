/// How a command's arguments are split into words, declared once by its table entry.
public enum ArgumentGrammar: Sendable, Equatable {
    /// psql's slash-command lexing: `'…'` with escapes, `"…"` kept, `:var`, `:'var'`,
    /// `:"var"` and `:{?var}` interpolated, an unquoted backslash ends the arguments.
    case psql
    /// Plain words: whitespace separates, `'…'` or `"…"` group (quotes removed, a doubled
    /// quote is one), nothing is interpolated. Colon commands of psqlui's own and plugins.
    case words
    /// The whole rest of the line, verbatim (`\!`, `\copy`); no words.
    case wholeLine
}
