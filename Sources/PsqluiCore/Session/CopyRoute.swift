/// The COPY fast path's decision: whether one statement can be sent as
/// `COPY (statement) TO STDOUT (…)` so the server formats the rows itself, and the
/// text to send. Pure and made before anything is sent (never try-and-fall-back: a
/// DML statement must not run twice).
///
/// COPY accepts `SELECT`, `VALUES`, `TABLE`, `WITH … SELECT` and `INSERT`/`UPDATE`/
/// `DELETE` with `RETURNING` (also after `WITH`). Anything else keeps the ordinary
/// path: several statements, `SHOW`/`EXPLAIN`/utility commands, `SELECT … INTO`
/// (COPY refuses it), DML without `RETURNING`, a psql variable or backslash command
/// left in the text, a `$1` parameter, unbalanced parentheses or an unterminated
/// token (the wrapper's `)` would change the server's error).
public enum CopyRoute {
    /// What the statement's rows are, which names the command tag psql would show.
    public enum Kind: Equatable, Sendable {
        case select, insert, update, delete

        /// The tag of the ordinary path for `rows` rows (`SELECT 3`, `INSERT 0 3`).
        public func commandTag(rows: Int) -> String {
            switch self {
            case .select: return "SELECT \(rows)"
            case .insert: return "INSERT 0 \(rows)"
            case .update: return "UPDATE \(rows)"
            case .delete: return "DELETE \(rows)"
            }
        }
    }

    /// The kind of a statement COPY accepts, and the byte length of the statement
    /// without its trailing `;` and what follows it; nil when COPY cannot take it.
    public static func analyze(_ sql: [UInt8]) -> (kind: Kind, length: Int)? {
        let tokens = SqlTokenizer.tokenize(sql).filter { $0.kind != .comment }
        var depth = 0
        var end: Int?
        var words: [String] = []
        for token in tokens {
            if end != nil {
                guard token.kind == .semicolon else { return nil }  // a second statement
                continue
            }
            if token.isUnterminated { return nil }
            switch token.kind {
            case .variable, .parameter, .backslashCommand, .other: return nil
            case .openParen, .openBracket: depth += 1
            case .closeParen, .closeBracket:
                depth -= 1
                if depth < 0 { return nil }
            case .semicolon:
                guard depth == 0 else { return nil }
                end = token.start
            case .word where depth == 0:
                words.append(String(decoding: sql[token.start..<token.end], as: UTF8.self).lowercased())
            default: break
            }
        }
        guard depth == 0, let first = tokens.first, first.kind == .word else { return nil }
        let length = end ?? tokens.last!.end
        let verb = words.first == "with"
            ? words.first { ["select", "values", "table", "insert", "update", "delete", "merge"].contains($0) }
            : words.first
        switch verb {
        case "select", "values", "table":
            // SELECT … INTO creates a table (COPY refuses it); `for update` rows are fine.
            return words.contains("into") ? nil : (.select, length)
        case "insert", "update", "delete":
            guard words.contains("returning") else { return nil }
            return (verb == "insert" ? .insert : verb == "update" ? .update : .delete, length)
        default:
            return nil
        }
    }

    /// The text sent for the statement's first `length` bytes: `COPY (` and the
    /// statement on its own, then a newline (a trailing `--` comment must not eat the
    /// closing parenthesis) and `) TO STDOUT (options)`.
    public static func wrap(_ sql: [UInt8], length: Int, options: String) -> [UInt8] {
        Array(prefix.utf8) + sql[0..<length] + Array("\n) TO STDOUT (\(options))".utf8)
    }

    /// What comes before the user's statement; the server's error positions are
    /// shifted by its length in characters.
    public static let prefix = "COPY ("
}
