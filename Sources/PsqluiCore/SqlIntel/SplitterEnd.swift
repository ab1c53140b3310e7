/// What is left when the input ends (`StatementSplitter.finish()`).
public enum SplitterEnd: Equatable, Sendable {
    /// Nothing pending.
    case nothing
    /// A statement without a terminating `;`: psql sends it at end of a script.
    case statement(SplitStatement)
    /// The input ended inside a quote, dollar quote or block comment.
    case unterminated(UnterminatedConstruct)
}

/// A quote, dollar quote or comment still open at end of input.
public struct UnterminatedConstruct: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        case singleQuote, doubleQuote, dollarQuote, blockComment
    }
    public var kind: Kind
    /// The input line where the open construct began.
    public var line: Int
    /// The unfinished statement (psql sends it anyway and lets the server report the error).
    public var pending: SplitStatement

    public init(kind: Kind, line: Int, pending: SplitStatement) {
        self.kind = kind
        self.line = line
        self.pending = pending
    }

    /// A message naming what is open and where, e.g. `unterminated quoted string starting at line 3`.
    public var message: String {
        let what: String
        switch kind {
        case .singleQuote: what = "quoted string"
        case .doubleQuote: what = "quoted identifier"
        case .dollarQuote: what = "dollar-quoted string"
        case .blockComment: what = "/* comment"
        }
        return "unterminated \(what) starting at line \(line)"
    }
}
