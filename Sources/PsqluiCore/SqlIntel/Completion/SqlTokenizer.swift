/// One lexical token of SQL as the completion analysis sees it.
///
/// Offsets are UTF-8 byte offsets into the text that was tokenized.
public struct SqlToken: Equatable, Sendable {
    /// What a token is, as far as completion cares.
    public enum Kind: Equatable, Sendable {
        /// An unquoted identifier or keyword (`select`, `orders`).
        case word
        /// A double-quoted identifier (`"Order Items"`).
        case quotedIdentifier
        /// A string constant: `'…'`, `E'…'`, `$tag$…$tag$`, `B'…'`, `X'…'`.
        case string
        /// A numeric constant.
        case number
        /// `$1`.
        case parameter
        /// `:name`, `:'name'`, `:"name"` (a psql-style variable reference).
        case variable
        /// `\cmd` — a psql backslash command, up to the next white space.
        case backslashCommand
        /// `-- …` or `/* … */`.
        case comment
        case openParen, closeParen, openBracket, closeBracket
        case comma, semicolon, dot
        /// `::`
        case doubleColon
        /// Any other operator (`=`, `<>`, `||`, `:=`, `*`, …).
        case `operator`
        /// A byte that starts no token (kept so that nothing is lost).
        case other
    }

    public var kind: Kind
    /// Byte range in the tokenized text.
    public var start: Int
    public var end: Int
    /// True for a quote, dollar quote or block comment that the text ends inside.
    public var isUnterminated: Bool

    public init(kind: Kind, start: Int, end: Int, isUnterminated: Bool = false) {
        self.kind = kind
        self.start = start
        self.end = end
        self.isUnterminated = isUnterminated
    }
}

/// A tolerant SQL tokenizer for completion analysis: any byte sequence gives
/// tokens (unterminated quotes and comments end at the end of the text, invalid
/// UTF-8 is kept inside words), it never throws and runs in linear time.
///
/// It is not the statement splitter: it does not need to be incremental, only
/// to agree with PostgreSQL on where quotes, comments and words begin and end.
public enum SqlTokenizer {
    /// Tokenizes `text` (UTF-8).
    public static func tokenize(_ text: String) -> [SqlToken] {
        tokenize(Array(text.utf8))
    }

    /// Tokenizes raw bytes; white space is dropped, comments are kept.
    public static func tokenize(_ bytes: [UInt8]) -> [SqlToken] {
        var tokens: [SqlToken] = []
        tokens.reserveCapacity(bytes.count / 4 + 1)
        let n = bytes.count
        var i = 0
        while i < n {
            let c = bytes[i]
            if isSpace(c) { i += 1; continue }
            let start = i
            switch c {
            case UInt8(ascii: "-") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "-"):
                while i < n && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                tokens.append(SqlToken(kind: .comment, start: start, end: i, isUnterminated: i >= n))
            case UInt8(ascii: "/") where i + 1 < n && bytes[i + 1] == UInt8(ascii: "*"):
                let (end, closed) = skipBlockComment(bytes, from: i)
                i = end
                tokens.append(SqlToken(kind: .comment, start: start, end: i, isUnterminated: !closed))
            case UInt8(ascii: "'"):
                let (end, closed) = skipQuoted(bytes, from: i, quote: c, backslashEscapes: false)
                i = end
                tokens.append(SqlToken(kind: .string, start: start, end: i, isUnterminated: !closed))
            case UInt8(ascii: "\""):
                let (end, closed) = skipQuoted(bytes, from: i, quote: c, backslashEscapes: false)
                i = end
                tokens.append(SqlToken(kind: .quotedIdentifier, start: start, end: i, isUnterminated: !closed))
            case UInt8(ascii: "$"):
                if i + 1 < n && isDigit(bytes[i + 1]) {
                    i += 1
                    while i < n && isDigit(bytes[i]) { i += 1 }
                    tokens.append(SqlToken(kind: .parameter, start: start, end: i))
                } else if let tagEnd = dollarTagEnd(bytes, from: i) {
                    let (end, closed) = skipDollarQuoted(bytes, tagStart: i, tagEnd: tagEnd)
                    i = end
                    tokens.append(SqlToken(kind: .string, start: start, end: i, isUnterminated: !closed))
                } else {
                    i += 1
                    tokens.append(SqlToken(kind: .other, start: start, end: i))
                }
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                i = skipNumber(bytes, from: i)
                tokens.append(SqlToken(kind: .number, start: start, end: i))
            case UInt8(ascii: ".") where i + 1 < n && isDigit(bytes[i + 1]):
                i = skipNumber(bytes, from: i)
                tokens.append(SqlToken(kind: .number, start: start, end: i))
            case UInt8(ascii: ":"):
                if i + 1 < n && bytes[i + 1] == UInt8(ascii: ":") {
                    i += 2
                    tokens.append(SqlToken(kind: .doubleColon, start: start, end: i))
                } else if i + 1 < n && bytes[i + 1] == UInt8(ascii: "=") {
                    i += 2
                    tokens.append(SqlToken(kind: .operator, start: start, end: i))
                } else if i + 1 < n && (bytes[i + 1] == UInt8(ascii: "'") || bytes[i + 1] == UInt8(ascii: "\"")) {
                    let (end, closed) = skipQuoted(bytes, from: i + 1, quote: bytes[i + 1], backslashEscapes: false)
                    i = end
                    tokens.append(SqlToken(kind: .variable, start: start, end: i, isUnterminated: !closed))
                } else if i + 1 < n && isIdentifierStart(bytes[i + 1]) {
                    i += 1
                    while i < n && isIdentifierPart(bytes[i]) { i += 1 }
                    tokens.append(SqlToken(kind: .variable, start: start, end: i))
                } else {
                    i += 1
                    tokens.append(SqlToken(kind: .operator, start: start, end: i))
                }
            case UInt8(ascii: "\\"):
                i += 1
                while i < n && !isSpace(bytes[i]) && bytes[i] != UInt8(ascii: "\\") { i += 1 }
                tokens.append(SqlToken(kind: .backslashCommand, start: start, end: i))
            case UInt8(ascii: "("): i += 1; tokens.append(SqlToken(kind: .openParen, start: start, end: i))
            case UInt8(ascii: ")"): i += 1; tokens.append(SqlToken(kind: .closeParen, start: start, end: i))
            case UInt8(ascii: "["): i += 1; tokens.append(SqlToken(kind: .openBracket, start: start, end: i))
            case UInt8(ascii: "]"): i += 1; tokens.append(SqlToken(kind: .closeBracket, start: start, end: i))
            case UInt8(ascii: ","): i += 1; tokens.append(SqlToken(kind: .comma, start: start, end: i))
            case UInt8(ascii: ";"): i += 1; tokens.append(SqlToken(kind: .semicolon, start: start, end: i))
            case UInt8(ascii: "."): i += 1; tokens.append(SqlToken(kind: .dot, start: start, end: i))
            default:
                if isIdentifierStart(c) {
                    // E'…', B'…', X'…', N'…' and U&'…' are strings, not words.
                    if i + 1 < n && bytes[i + 1] == UInt8(ascii: "'") && isStringPrefix(c) {
                        let escapes = c == UInt8(ascii: "e") || c == UInt8(ascii: "E")
                        let (end, closed) = skipQuoted(bytes, from: i + 1, quote: UInt8(ascii: "'"), backslashEscapes: escapes)
                        i = end
                        tokens.append(SqlToken(kind: .string, start: start, end: i, isUnterminated: !closed))
                        continue
                    }
                    i += 1
                    while i < n && isIdentifierPart(bytes[i]) { i += 1 }
                    tokens.append(SqlToken(kind: .word, start: start, end: i))
                } else if isOperatorChar(c) {
                    i += 1
                    while i < n && isOperatorChar(bytes[i]) {
                        // A comment start ends the operator.
                        if (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "/")) && i + 1 < n
                            && (bytes[i + 1] == UInt8(ascii: "-") || bytes[i + 1] == UInt8(ascii: "*")) { break }
                        i += 1
                    }
                    tokens.append(SqlToken(kind: .operator, start: start, end: i))
                } else {
                    i += 1
                    tokens.append(SqlToken(kind: .other, start: start, end: i))
                }
            }
        }
        return tokens
    }

    // MARK: Byte classes

    @inline(__always) static func isSpace(_ c: UInt8) -> Bool {
        c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B
    }
    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    /// Letters, `_` and every non-ASCII byte (PostgreSQL treats those as letters).
    @inline(__always) static func isIdentifierStart(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F || c >= 0x80
    }
    @inline(__always) static func isIdentifierPart(_ c: UInt8) -> Bool {
        isIdentifierStart(c) || isDigit(c) || c == UInt8(ascii: "$")
    }
    @inline(__always) static func isOperatorChar(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "<"),
             UInt8(ascii: ">"), UInt8(ascii: "="), UInt8(ascii: "~"), UInt8(ascii: "!"), UInt8(ascii: "@"),
             UInt8(ascii: "#"), UInt8(ascii: "%"), UInt8(ascii: "^"), UInt8(ascii: "&"), UInt8(ascii: "|"),
             UInt8(ascii: "`"), UInt8(ascii: "?"):
            return true
        default:
            return false
        }
    }
    @inline(__always) static func isStringPrefix(_ c: UInt8) -> Bool {
        switch c | 0x20 {
        case UInt8(ascii: "e"), UInt8(ascii: "b"), UInt8(ascii: "x"), UInt8(ascii: "n"): return true
        default: return false
        }
    }

    // MARK: Skipping

    /// Skips a quoted run starting at the opening quote; a doubled quote is an
    /// escape. Returns the end offset and whether the closing quote was found.
    static func skipQuoted(_ b: [UInt8], from: Int, quote: UInt8, backslashEscapes: Bool) -> (Int, Bool) {
        var i = from + 1
        let n = b.count
        while i < n {
            let c = b[i]
            if backslashEscapes && c == UInt8(ascii: "\\") { i += 2; continue }
            if c == quote {
                if i + 1 < n && b[i + 1] == quote { i += 2; continue }
                return (i + 1, true)
            }
            i += 1
        }
        return (n, false)
    }

    static func skipBlockComment(_ b: [UInt8], from: Int) -> (Int, Bool) {
        var depth = 0
        var i = from
        let n = b.count
        while i < n {
            if b[i] == UInt8(ascii: "/") && i + 1 < n && b[i + 1] == UInt8(ascii: "*") {
                depth += 1; i += 2
            } else if b[i] == UInt8(ascii: "*") && i + 1 < n && b[i + 1] == UInt8(ascii: "/") {
                depth -= 1; i += 2
                if depth == 0 { return (i, true) }
            } else {
                i += 1
            }
        }
        return (n, false)
    }

    /// The offset just past `$tag$` if a dollar-quote tag starts at `from`.
    static func dollarTagEnd(_ b: [UInt8], from: Int) -> Int? {
        var i = from + 1
        let n = b.count
        if i < n && b[i] == UInt8(ascii: "$") { return i + 1 }
        guard i < n, isIdentifierStart(b[i]) else { return nil }
        while i < n && (isIdentifierStart(b[i]) || isDigit(b[i])) { i += 1 }
        return i < n && b[i] == UInt8(ascii: "$") ? i + 1 : nil
    }

    static func skipDollarQuoted(_ b: [UInt8], tagStart: Int, tagEnd: Int) -> (Int, Bool) {
        let tagLength = tagEnd - tagStart
        var i = tagEnd
        let n = b.count
        while i < n {
            if b[i] == UInt8(ascii: "$") && i + tagLength <= n {
                var same = true
                for k in 0..<tagLength where b[i + k] != b[tagStart + k] { same = false; break }
                if same { return (i + tagLength, true) }
            }
            i += 1
        }
        return (n, false)
    }

    static func skipNumber(_ b: [UInt8], from: Int) -> Int {
        var i = from
        let n = b.count
        while i < n && (isDigit(b[i]) || b[i] == UInt8(ascii: "_")) { i += 1 }
        if i + 1 < n && b[i] == UInt8(ascii: ".") && b[i + 1] != UInt8(ascii: ".") {
            i += 1
            while i < n && isDigit(b[i]) { i += 1 }
        } else if i < n && b[i] == UInt8(ascii: ".") && i + 1 == n {
            i += 1
        }
        if i < n && (b[i] | 0x20) == UInt8(ascii: "e") {
            var j = i + 1
            if j < n && (b[j] == UInt8(ascii: "+") || b[j] == UInt8(ascii: "-")) { j += 1 }
            if j < n && isDigit(b[j]) {
                i = j
                while i < n && isDigit(b[i]) { i += 1 }
            }
        }
        return i
    }
}
