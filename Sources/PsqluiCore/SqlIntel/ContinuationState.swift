/// Why the splitter wants more input: psql's `%R` prompt code.
public enum ContinuationState: Equatable, Sendable {
    /// Nothing pending (psql shows `=`).
    case none
    /// Inside a statement (`-`).
    case statement
    /// Inside `'…'`, `E'…'`, `B'…'`, `X'…'`, `U&'…'` (`'`).
    case singleQuote
    /// Inside `"…"` (`"`).
    case doubleQuote
    /// Inside `$tag$…$tag$` (`$`).
    case dollarQuote
    /// Inside `/* … */` (`*`).
    case blockComment
    /// Inside an open parenthesis (`(`).
    case parenthesis

    /// The character psql's `%R` shows for this state (`=` when nothing is pending).
    public var promptCharacter: Character {
        switch self {
        case .none: return "="
        case .statement: return "-"
        case .singleQuote: return "'"
        case .doubleQuote: return "\""
        case .dollarQuote: return "$"
        case .blockComment: return "*"
        case .parenthesis: return "("
        }
    }
}
