import Foundation
/// Decides whether a statement or command line carries a secret that must never
/// reach the history file: a `PASSWORD '…'` clause (`ALTER ROLE`, `CREATE USER`),
/// a password in a conninfo string (`password=…`) or a URI (`postgres://u:secret@h`).
/// The same rule decides which variable and environment names (`\set`, `:set`,
/// `\setenv`) and config keys (`--print-config`) hold secrets.
public enum SecretFilter {
    /// Whether a variable, environment or config name holds a secret: it contains
    /// PASSWORD, SECRET or TOKEN (any case), and for config keys also KEY.
    public static func isSecretName(_ name: String, includingKey: Bool = false) -> Bool {
        let upper = name.uppercased()
        return upper.contains("PASSWORD") || upper.contains("SECRET") || upper.contains("TOKEN")
            || (includingKey && upper.contains("KEY"))
    }

    /// What is shown instead of a secret value.
    public static let mask = "********"

    public static func containsSecret(_ text: String) -> Bool {
        let lower = text.lowercased()
        // `\set NAME value`, `:set NAME value`, `\setenv NAME value` with a secret name.
        if let match = text.firstMatch(of: #/^\s*(?:\\set|\\setenv|:set)\s+([^\s=]+)/#), isSecretName(String(match.1)) {
            return true
        }
        if lower.range(of: #"\bpassword\s*('|e'|\$|=)"#, options: .regularExpression) != nil { return true }
        if lower.range(of: #"\bpassword\s+(encrypted\s+)?'"#, options: .regularExpression) != nil { return true }
        if lower.range(of: #"postgres(ql)?://[^/\s@]*:[^/\s@]*@"#, options: .regularExpression) != nil { return true }
        if lower.range(of: #"\\password"#, options: .regularExpression) != nil { return true }
        return false
    }
}
