/// Expands psql's prompt escapes in `PROMPT1`/`PROMPT2`: `%/` database, `%~` database
/// or `~` for the default one, `%M` host (`[local]` for a socket), `%m` host up to
/// the first dot, `%>` port, `%n` user, `%#` `#` for a superuser else `>`, `%R` the
/// statement state (`=`, `-`, `'`, `"`, `$`, `*`, `(`, `!` when disconnected, `@`
/// inside an inactive `\if` branch), `%x` transaction state, `%%`, `%` + octal digits
/// the character with that code (`%033` is ESC, for colours), and `%[` `%]` around
/// invisible characters (libedit's ignore markers \u{1}/\u{2}).
public enum PromptFormatter {
    /// What the prompt can show.
    public struct State: Sendable {
        public var database = ""
        public var user = ""
        public var host = ""
        public var port = ""
        public var superuser = false
        public var connected = true
        public var continuation: ContinuationState = .none
        public var transaction: TransactionState = .idle
        public var inactiveBranch = false
        /// Colour the transaction and connection state (`*`, `!`, failed `%x`) — at a terminal only.
        public var color = false

        public init() {}
    }

    /// psql's default `PROMPT1` and `PROMPT2`.
    public static let defaultPrompt1 = "%/%R%x%# "
    public static let defaultPrompt2 = "%/%R%x%# "

    /// `template` with its escapes expanded for `state`.
    public static func render(_ template: String, _ state: State) -> String {
        var out = ""
        var rest = Substring(template)
        while let c = rest.popFirst() {
            guard c == "%" else { out.append(c); continue }
            guard let e = rest.popFirst() else { break }
            switch e {
            case "0"..."7":
                // psql reads every octal digit that follows (`%033` is ESC).
                var code = Int(String(e))!
                while let d = rest.first, ("0"..."7").contains(d) {
                    code = (code * 8 + Int(String(d))!) & 0xFF
                    rest.removeFirst()
                }
                if code > 0, let scalar = Unicode.Scalar(code) { out.unicodeScalars.append(scalar) }
            case "/": out += state.database
            case "~": out += state.database == (state.user.isEmpty ? "" : state.user) ? "~" : state.database
            case "M": out += hostName(state.host)
            case "m": out += state.host.isEmpty || state.host.hasPrefix("/") ? "[local]" : String(state.host.prefix { $0 != "." })
            case ">": out += state.port
            case "n": out += state.user
            case "#": out += state.superuser ? "#" : ">"
            case "x": out += painted(state.transaction.promptMarker, state)
            case "R": out += painted(statusMarker(state), state)
            case "%": out += "%"
            case "[": out += "\u{1}"
            case "]": out += "\u{2}"
            default: break  // psql drops unknown escapes
            }
        }
        return out
    }

    /// psql's default socket directory (Debian's build).
    static let defaultSocketDirectory = "/var/run/postgresql"

    static func hostName(_ host: String) -> String {
        if !host.isEmpty && !host.hasPrefix("/") && !host.hasPrefix("@") { return host }
        if host.isEmpty || host == defaultSocketDirectory { return "[local]" }
        return "[local:\(host)]"
    }

    /// `*` (in a transaction) yellow, `!` (failed or disconnected) red, inside libedit's
    /// invisible-character markers so the prompt's width stays right.
    static func painted(_ marker: String, _ state: State) -> String {
        guard state.color else { return marker }
        let code: String
        switch marker {
        case "*": code = TerminalColor.yellow
        case "!": code = TerminalColor.red
        default: return marker
        }
        return "\u{1}" + code + "\u{2}" + marker + "\u{1}" + TerminalColor.reset + "\u{2}"
    }

    private static func statusMarker(_ state: State) -> String {
        if state.inactiveBranch && state.continuation == .none { return "@" }
        if state.continuation == .none && !state.connected { return "!" }
        return String(state.continuation.promptCharacter)
    }
}
