/// The few SGR sequences psqlui colours a terminal with (never written to pipes,
/// files or export formats: callers turn colour on only for a terminal).
public enum TerminalColor {
    public static let bold = "\u{1B}[1m"
    public static let dim = "\u{1B}[2m"
    public static let red = "\u{1B}[31m"
    public static let yellow = "\u{1B}[33m"
    public static let green = "\u{1B}[32m"
    public static let reset = "\u{1B}[0m"

    /// Whether colour is wanted for a stream: a terminal, no `NO_COLOR`, not
    /// turned off in the config (`[display] color = false`), and not a dumb terminal.
    public static func enabled(isTerminal: Bool, environment: [String: String], configured: Bool = true) -> Bool {
        guard isTerminal, configured else { return false }
        if let v = environment["NO_COLOR"], !v.isEmpty { return false }
        if environment["TERM"] == "dumb" { return false }
        return true
    }

    /// A server or psqlui message for a terminal: errors (`ERROR:`, `FATAL:`,
    /// `error:`) red, warnings yellow; the first line only, the rest as is.
    public static func paintMessage(_ text: String) -> String {
        let firstLineEnd = text.firstIndex(of: "\n") ?? text.endIndex
        let first = text[..<firstLineEnd]
        let code: String
        if first.contains("ERROR:") || first.contains("FATAL:") || first.contains("PANIC:") || first.contains("error:") { code = red }
        else if first.contains("WARNING:") || first.contains("warning:") { code = yellow }
        else { return text }
        return code + first + reset + text[firstLineEnd...]
    }

    /// `text` wrapped in `code` … reset.
    public static func paint(_ text: String, _ code: String) -> String { code + text + reset }
}
