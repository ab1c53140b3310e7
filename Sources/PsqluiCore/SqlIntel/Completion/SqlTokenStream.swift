/// The tokens of one text (comments removed) with the paren structure and the
/// small helpers the completion analysis needs: normalized identifier values,
/// "level" views that collapse parenthesized groups, and symbols for rule matching.
struct SqlTokenStream {
    let bytes: [UInt8]
    /// Non-comment tokens.
    let tokens: [SqlToken]
    /// For an open paren at index i, the index of its closing paren (or `tokens.count`).
    let closeOf: [Int: Int]

    init(bytes: [UInt8], tokens: [SqlToken]) {
        self.bytes = bytes
        self.tokens = tokens
        var closeOf: [Int: Int] = [:]
        var stack: [Int] = []
        for (i, t) in tokens.enumerated() {
            switch t.kind {
            case .openParen: stack.append(i)
            case .closeParen: if let o = stack.popLast() { closeOf[o] = i }
            default: break
            }
        }
        for o in stack { closeOf[o] = tokens.count }
        self.closeOf = closeOf
    }

    /// The raw text of token `i`.
    func text(_ i: Int) -> String {
        let t = tokens[i]
        return String(decoding: bytes[t.start..<t.end], as: UTF8.self)
    }

    /// Lower-cased text of a word token, "" for any other token.
    func keyword(_ i: Int) -> String {
        guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return "" }
        return SqlTokenStream.asciiLowercased(bytes[tokens[i].start..<tokens[i].end])
    }

    func isName(_ i: Int) -> Bool {
        guard i >= 0, i < tokens.count else { return false }
        return tokens[i].kind == .word || tokens[i].kind == .quotedIdentifier
    }

    /// The identifier value of a name token: unquoted folds to lower case,
    /// quoted keeps its case with `""` unescaped.
    func identifier(_ i: Int) -> String {
        let t = tokens[i]
        if t.kind == .quotedIdentifier {
            var end = t.end
            if !t.isUnterminated && end > t.start + 1 { end -= 1 }
            var unescaped: [UInt8] = []
            var i = t.start + 1
            while i < end {
                unescaped.append(bytes[i])
                i += bytes[i] == UInt8(ascii: "\"") && i + 1 < end && bytes[i + 1] == UInt8(ascii: "\"") ? 2 : 1
            }
            return String(decoding: unescaped, as: UTF8.self)
        }
        return SqlTokenStream.asciiLowercased(bytes[t.start..<t.end])
    }

    static func asciiLowercased(_ slice: ArraySlice<UInt8>) -> String {
        String(decoding: slice.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// Indices of the tokens at the level that starts at `from`, up to `to`
    /// (exclusive): a parenthesized group appears as its open paren only.
    func level(from: Int, to: Int) -> [Int] {
        var items: [Int] = []
        var i = from
        while i < to {
            items.append(i)
            if tokens[i].kind == .openParen {
                i = (closeOf[i] ?? tokens.count) + 1
            } else {
                i += 1
            }
        }
        return items
    }

    /// The symbol a rule pattern sees for token `i`: a lower-cased keyword,
    /// `()` for a group, `"` for a quoted name, `lit` for a constant, or the
    /// punctuation/operator text.
    func symbol(_ i: Int) -> String {
        let t = tokens[i]
        switch t.kind {
        case .word: return keyword(i)
        case .quotedIdentifier: return "\""
        case .string, .number, .parameter, .variable: return "lit"
        case .openParen: return "()"
        case .closeParen: return ")"
        case .comma: return ","
        case .semicolon: return ";"
        case .dot: return "."
        case .doubleColon: return "::"
        case .openBracket: return "["
        case .closeBracket: return "]"
        case .operator: return text(i)
        case .backslashCommand, .comment, .other: return "?"
        }
    }

    /// Reads a possibly qualified name (`a`, `a.b`, `a.b.c`) at level position
    /// `p` of `items`; returns its parts and the position after it.
    func qualifiedName(_ items: [Int], at p: Int) -> (parts: [String], next: Int)? {
        guard p < items.count, isName(items[p]) else { return nil }
        var parts = [identifier(items[p])]
        var q = p + 1
        while q + 1 < items.count, tokens[items[q]].kind == .dot, isName(items[q + 1]) {
            parts.append(identifier(items[q + 1]))
            q += 2
        }
        return (parts, q)
    }
}
