import Foundation

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
    private static let secretPatterns: [(NSRegularExpression, String)] = [
        (try! NSRegularExpression(pattern: #"(postgres(?:ql)?://[^/\s@:]*):[^/\s@]*@"#, options: [.caseInsensitive]), "$1:?@"),
        (try! NSRegularExpression(pattern: #"\b(password\s*=\s*)\S+"#, options: [.caseInsensitive]), "$1?"),
    ]

    private static func maskSecrets(_ text: String) -> String {
        var t = text
        for (re, template) in secretPatterns {
            t = re.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: template)
        }
        return t
    }
}
