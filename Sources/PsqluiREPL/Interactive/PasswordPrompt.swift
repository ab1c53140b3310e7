import Foundation

/// Reads a password from the terminal without echo, as psql's prompt does.
public enum PasswordPrompt {
    /// The password typed, or nil when there is no terminal or input ended.
    public static func read(prompt: String) -> String? {
        guard let p = getpass(prompt) else { return nil }
        let s = String(cString: p)
        return s.isEmpty ? nil : s
    }
}
