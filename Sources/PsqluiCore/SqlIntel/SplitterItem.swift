/// One thing the statement splitter found complete in its input, in input order.
public enum SplitterItem: Equatable, Sendable {
    /// A statement ended by `;` outside quotes, comments, parentheses and `BEGIN ATOMIC … END`.
    case statement(SplitStatement)
    /// A backslash command (`\g`, `\set x 1`, `\copy …`, `\.`), found outside quotes and comments.
    case metaCommand(MetaCommandCall)
}

/// A statement exactly as psql would send it to the server: leading whitespace and
/// leading `--` comments dropped, input lines joined with `\n`, the terminating `;`
/// included, variables (`:name`, `:'name'`, `:"name"`) already substituted.
public struct SplitStatement: Equatable, Sendable {
    /// The bytes to send.
    public var sql: [UInt8]
    /// The input line on which the statement's first byte was typed.
    public var firstLine: Int
    /// The input line holding the terminating `;` (or the last line, at end of input).
    public var lastLine: Int

    public init(sql: [UInt8], firstLine: Int, lastLine: Int) {
        self.sql = sql
        self.firstLine = firstLine
        self.lastLine = lastLine
    }

    /// The SQL as text (invalid UTF-8 shown as U+FFFD; for messages, never for sending).
    public var text: String { String(decoding: sql, as: UTF8.self) }
}
