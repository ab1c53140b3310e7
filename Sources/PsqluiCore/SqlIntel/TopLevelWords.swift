/// The lower-cased unquoted words of one statement that sit outside parentheses,
/// in order, from the SQL tokenizer (comments, strings and quoted names dropped).
/// What the statement classifiers read.
public enum TopLevelWords {
    /// Top-level words of `sql`; stops at the first top-level `;`.
    public static func of(_ sql: [UInt8]) -> [String] {
        var depth = 0
        var words: [String] = []
        for token in SqlTokenizer.tokenize(sql) {
            switch token.kind {
            case .openParen, .openBracket: depth += 1
            case .closeParen, .closeBracket: depth = max(0, depth - 1)
            case .semicolon where depth == 0: return words
            case .word where depth == 0:
                words.append(String(decoding: sql[token.start..<token.end], as: UTF8.self).lowercased())
            default: break
            }
        }
        return words
    }
}
