import Foundation
/// Decides whether a statement or command line carries a secret that must never
/// reach the history file: a `PASSWORD '…'` clause (`ALTER ROLE`, `CREATE USER`),
/// a password in a conninfo string (`password=…`) or a URI (`postgres://u:secret@h`).
public enum SecretFilter {
    public static func containsSecret(_ text: String) -> Bool {
        let lower = text.lowercased()
        if lower.range(of: #"\bpassword\s*('|e'|\$|=)"#, options: .regularExpression) != nil { return true }
        if lower.range(of: #"\bpassword\s+(encrypted\s+)?'"#, options: .regularExpression) != nil { return true }
        if lower.range(of: #"postgres(ql)?://[^/\s@]*:[^/\s@]*@"#, options: .regularExpression) != nil { return true }
        if lower.range(of: #"\\password"#, options: .regularExpression) != nil { return true }
        return false
    }
}
