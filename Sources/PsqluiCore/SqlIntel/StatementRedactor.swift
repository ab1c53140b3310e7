import FoundationEssentials

/// Turns SQL into text that may leave the machine: every literal (strings, `E'…'`,
/// dollar-quoted bodies, bit/hex strings, numbers) becomes `?`, comments are dropped,
/// and what `SecretFilter` recognises outside literals (`password=…` in a conninfo,
/// `postgres://user:secret@host`) has its secret replaced by `?`. Identifiers,
/// keywords, operators and psql variable names are kept. Pure; uses the one SQL
/// tokenizer.
public enum StatementRedactor {
    /// The redacted form of `sql`.
    public static func redact(_ sql: String) -> String {
        let bytes = Array(sql.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var last = 0
        for t in SqlTokenizer.tokenize(bytes) {
            out += bytes[last..<t.start]
            switch t.kind {
            case .string, .number:
                out.append(UInt8(ascii: "?"))
            case .comment:
                if let prev = out.last, !SqlTokenizer.isSpace(prev), t.end < bytes.count, !SqlTokenizer.isSpace(bytes[t.end]) {
                    out.append(UInt8(ascii: " "))
                }
            default:
                out += bytes[t.start..<t.end]
            }
            last = t.end
        }
        out += bytes[last...]
        var text = String(decoding: out, as: UTF8.self)
        if SecretFilter.containsSecret(text) { text = maskSecrets(text) }
        return text
    }

    /// Secrets outside literals (in a meta-command's conninfo or URI).
    /// Each keeps its first group and masks the rest (ICU's rules, as
    /// NSRegularExpression had them: simple word boundaries, scalars).
    nonisolated(unsafe) private static let secretPatterns: [(Regex<(Substring, Substring)>, String)] = [
        (#/(postgres(?:ql)?:\/\/[^\/\s@:]*):[^\/\s@]*@/#, ":?@"),
        (#/\b(password\s*=\s*)\S+/#, "?"),
    ].map { ($0.0.ignoresCase().wordBoundaryKind(.simple).matchingSemantics(.unicodeScalar), $0.1) }

    private static func maskSecrets(_ text: String) -> String {
        var t = text
        for (re, mask) in secretPatterns {
            t = t.replacing(re) { $0.output.1 + mask }
        }
        return t
    }
}
