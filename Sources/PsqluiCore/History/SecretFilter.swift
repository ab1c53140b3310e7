import FoundationEssentials
/// Decides whether a statement or command line carries a secret that must never
/// reach the history file: a `PASSWORD '…'` clause (`ALTER ROLE`, `CREATE USER`),
/// a password in a conninfo string (`password=…`) or a URI (`postgres://u:secret@h`),
/// or a variable or environment variable with a secret's name (`\set PASSWORD x`,
/// `:set API_TOKEN x`, `\setenv PGPASSWORD x`).
///
/// The same naming rule hides secret values in `--print-config`.
public enum SecretFilter {
    /// The words that mark a variable, environment variable or setting as secret.
    private static let secretWords = ["PASSWORD", "PASSWD", "SECRET", "TOKEN"]

    /// True for a variable or environment variable name that holds a secret.
    public static func isSecretName(_ name: String) -> Bool {
        let upper = name.uppercased()
        return secretWords.contains { upper.contains($0) }
    }

    /// True for a config key whose value must not be printed (secret names, and keys).
    public static func isSecretConfigKey(_ name: String) -> Bool {
        isSecretName(name) || name.uppercased().contains("KEY")
    }

    /// The meta-commands whose first argument names a variable to set.
    private static let settingCommands: Set<Substring> = ["\\set", ":set", "\\setenv", ":setenv"]

    /// True when `text` sets a variable with a secret's name anywhere in it.
    static func setsSecretVariable(_ text: String) -> Bool {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        for (i, word) in words.enumerated().dropLast() where settingCommands.contains(word) {
            if isSecretName(String(words[i + 1])) { return true }
        }
        return false
    }

    /// ICU's rules, as NSRegularExpression had them: simple word boundaries, scalars.
    nonisolated(unsafe) private static let secretPatterns: [Regex<Substring>] = [
        #/\bpassword\s*(?:'|e'|\$|=)/#,
        #/\bpassword\s+(?:encrypted\s+)?'/#,
        #/postgres(?:ql)?:\/\/[^\/\s@]*:[^\/\s@]*@/#,
        #/\\password/#,
    ].map { $0.wordBoundaryKind(.simple).matchingSemantics(.unicodeScalar) }

    public static func containsSecret(_ text: String) -> Bool {
        if setsSecretVariable(text) { return true }
        let lower = text.lowercased()
        return secretPatterns.contains { lower.contains($0) }
    }
}
