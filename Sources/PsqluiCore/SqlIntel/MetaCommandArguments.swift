import PsqluiPluginAPI

/// Splits a backslash command's raw arguments (`MetaCommandCall.arguments`) the way
/// psql's slash-command lexer does for ordinary (OT_NORMAL) options.
///
/// - Words are separated by unquoted whitespace; parts of one word may be quoted
///   (`a'b c'd` is `ab cd`).
/// - `'…'`: quotes removed; `''` is `'`; `\n \t \b \r \f`, octal `\101`, hex `\x41`,
///   and `\` before any other byte is that byte.
/// - `"…"`: kept verbatim *with* the double quotes (psql leaves them for the command).
/// - `:name` is replaced by the value as-is, `:'name'` / `:"name"` by a quoted literal /
///   identifier, `:{?name}` by TRUE/FALSE; undefined variables stay as typed.
/// - `` `cmd` ``: with a `BacktickRunner`, `cmd` (its `:name` references interpolated
///   as-is, nothing else) is replaced by what the runner returns (the shell command's
///   output) less one trailing newline, or by nothing when it could not run. Without one
///   (completion, colon commands) the text stays as typed, backticks included.
/// - An unquoted backslash ends the arguments (it starts the next command in psql).
/// - An unterminated quote keeps what was read (psql reports "unterminated quoted string").
///
/// The plain-words grammar of colon and plugin commands (`ArgumentGrammar.words`) is
/// the plugin API's `CommandInvocation.splitWords` — one splitter that host and
/// plugins share: no variables, no backslash escapes, and double quotes group a word
/// and are removed like single quotes (`""` inside is one `"`).
public enum MetaCommandArguments {
    /// What a backticked command becomes (psql's `evaluate_backtick`): its text with
    /// variables interpolated in, the bytes that replace it out (nil: nothing, after
    /// the runner reported why).
    public typealias BacktickRunner = (String) -> [UInt8]?

    /// The words of `raw` in `grammar` (`.wholeLine` has none: the command reads
    /// `restOfLine`).
    /// `backticks` runs in the first `backtickWords` words only.
    public static func split(_ raw: [UInt8], grammar: ArgumentGrammar, variables: VariableLookup?,
                             backticks: BacktickRunner? = nil, backtickWords: Int = .max) -> [String] {
        switch grammar {
        case .psql:
            return raw.withUnsafeBufferPointer { split($0, variables: variables, backticks: backticks, backtickWords: backtickWords) }
        case .words: return CommandInvocation.splitWords(String(decoding: raw, as: UTF8.self))
        case .wholeLine: return []
        }
    }

    public static func split(_ raw: [UInt8], variables: VariableLookup?, stripTrailingSemicolons: Bool = false) -> [String] {
        raw.withUnsafeBufferPointer { split($0, variables: variables, stripTrailingSemicolons: stripTrailingSemicolons) }
    }

    /// The words psql reports as ignored after a command that took what it needs
    /// (`\pset: extra argument "x" ignored`): read without evaluation, so variables
    /// stay as typed and a backtick command is shown without its backticks, not run.
    public static func ignoredWords(_ raw: [UInt8]) -> [String] {
        raw.withUnsafeBufferPointer { split($0, variables: nil, noEval: true) }
    }

    public static func split(_ src: UnsafeBufferPointer<UInt8>, variables: VariableLookup?, stripTrailingSemicolons: Bool = false,
                             noEval: Bool = false, backticks: BacktickRunner? = nil, backtickWords: Int = .max) -> [String] {
        let n = src.count
        var words: [String] = []
        var k = 0
        var word: [UInt8] = []
        while true {
            while k < n && MetaCommandSyntax.isSpace(src[k]) { k += 1 }
            guard k < n, src[k] != UInt8(ascii: "\\") else { return words }
            word.removeAll(keepingCapacity: true)
            var quoted = false
            var unquotedTail = 0
            scan: while k < n {
                let c = src[k]
                if MetaCommandSyntax.isSpace(c) || c == UInt8(ascii: "\\") { break scan }
                switch c {
                case UInt8(ascii: "'"):
                    quoted = true; unquotedTail = 0
                    k = appendSingleQuoted(src, from: k + 1, to: &word)
                case UInt8(ascii: "\""), UInt8(ascii: "`"):
                    quoted = true; unquotedTail = 0
                    var m = k + 1
                    while m < n && src[m] != c { m += 1 }
                    if noEval && c == UInt8(ascii: "`") {
                        word.append(contentsOf: UnsafeBufferPointer(rebasing: src[(k + 1)..<m]))
                        k = min(m + 1, n)
                        continue scan
                    }
                    if c == UInt8(ascii: "`"), m < n, words.count < backtickWords, let backticks {
                        // psql interpolates `:name` (as is) and `:'name'` (a shell word)
                        // inside the backticks, and nothing else.
                        var command: [UInt8] = []
                        var i = k + 1
                        let inner = UnsafeBufferPointer(rebasing: src[..<m])
                        while i < m {
                            if src[i] == UInt8(ascii: ":"), i + 1 < m, SqlByteClass.isVariableChar(src[i + 1]),
                               let (end, replacement) = variableReference(inner, at: i, variables: variables) {
                                command.append(contentsOf: replacement); i = end
                            } else if src[i] == UInt8(ascii: ":"), i + 1 < m, src[i + 1] == UInt8(ascii: "'"),
                                      let end = MetaCommandSyntax.variableReferenceEnd(inner, at: i),
                                      let value = variables?(String(decoding: UnsafeBufferPointer(rebasing: src[(i + 2)..<(end - 1)]), as: UTF8.self)),
                                      let word = VariableQuoting.shellArgument(Array(value.utf8)) {
                                command.append(contentsOf: word); i = end
                            } else {
                                command.append(src[i]); i += 1
                            }
                        }
                        var output = backticks(String(decoding: command, as: UTF8.self)) ?? []
                        if output.last == 0x0A { output.removeLast() }
                        word.append(contentsOf: output)
                        k = m + 1
                        continue scan
                    }
                    m = min(m + 1, n)
                    word.append(contentsOf: UnsafeBufferPointer(rebasing: src[k..<m]))
                    k = m
                case UInt8(ascii: ":"):
                    if noEval, let end = MetaCommandSyntax.variableReferenceEnd(src, at: k) {
                        // `:'name'` and `:"name"` stay as typed, quotes and all.
                        word.append(contentsOf: UnsafeBufferPointer(rebasing: src[k..<end]))
                        unquotedTail = 0
                        k = end
                    } else if let (end, replacement) = variableReference(src, at: k, variables: variables) {
                        word.append(contentsOf: replacement)
                        quoted = true; unquotedTail = 0
                        k = end
                    } else {
                        word.append(c); unquotedTail += 1; k += 1
                    }
                default:
                    word.append(c); unquotedTail += 1; k += 1
                }
            }
            if stripTrailingSemicolons {
                while unquotedTail > 0, word.last == UInt8(ascii: ";") { word.removeLast(); unquotedTail -= 1 }
            }
            if word.isEmpty && !quoted { return words }
            words.append(String(decoding: word, as: UTF8.self))
        }
    }

    /// The whole rest of the line (psql's OT_WHOLE_LINE, used by `\!`, `\copy`, `\h`):
    /// leading whitespace removed, everything else verbatim, backslashes included.
    /// With `stripTrailingSemicolons`, trailing `;` and whitespace are removed too.
    /// (`\echo` is not a whole-line command: psql joins its `split` words with one space,
    /// so `\echo 'a  b' c` prints `a  b c`.)
    public static func restOfLine(_ raw: [UInt8], stripTrailingSemicolons: Bool = false) -> String {
        var start = 0
        while start < raw.count && MetaCommandSyntax.isSpace(raw[start]) { start += 1 }
        var end = raw.count
        if stripTrailingSemicolons {
            while end > start && (raw[end - 1] == UInt8(ascii: ";") || MetaCommandSyntax.isSpace(raw[end - 1])) { end -= 1 }
        }
        return String(decoding: raw[start..<end], as: UTF8.self)
    }

    /// Reads a single-quoted argument part after its opening quote; returns the index after it.
    static func appendSingleQuoted(_ src: UnsafeBufferPointer<UInt8>, from start: Int, to word: inout [UInt8]) -> Int {
        let n = src.count
        var k = start
        while k < n {
            let c = src[k]
            if c == UInt8(ascii: "'") {
                if k + 1 < n && src[k + 1] == UInt8(ascii: "'") { word.append(c); k += 2; continue }
                return k + 1
            }
            guard c == UInt8(ascii: "\\"), k + 1 < n else { word.append(c); k += 1; continue }
            let e = src[k + 1]
            switch e {
            case UInt8(ascii: "n"): word.append(0x0A); k += 2
            case UInt8(ascii: "t"): word.append(0x09); k += 2
            case UInt8(ascii: "b"): word.append(0x08); k += 2
            case UInt8(ascii: "r"): word.append(0x0D); k += 2
            case UInt8(ascii: "f"): word.append(0x0C); k += 2
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                var value = 0, m = k + 1
                while m < n && m < k + 4 && src[m] >= UInt8(ascii: "0") && src[m] <= UInt8(ascii: "7") {
                    value = value * 8 + Int(src[m] - UInt8(ascii: "0")); m += 1
                }
                word.append(UInt8(truncatingIfNeeded: value)); k = m
            case UInt8(ascii: "x") where k + 2 < n && hexValue(src[k + 2]) != nil:
                var value = 0, m = k + 2
                while m < n && m < k + 4, let h = hexValue(src[m]) { value = value * 16 + h; m += 1 }
                word.append(UInt8(value)); k = m
            default:
                word.append(e); k += 2
            }
        }
        return n
    }

    static func hexValue(_ b: UInt8) -> Int? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return Int(b - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return Int(b - UInt8(ascii: "a")) + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return Int(b - UInt8(ascii: "A")) + 10
        default: return nil
        }
    }

    /// `:name`, `:'name'`, `:"name"`, `:{?name}` at `i` with their replacement; nil when
    /// there is no lookup or the text is not a reference (then the colon is literal).
    static func variableReference(_ src: UnsafeBufferPointer<UInt8>, at i: Int, variables: VariableLookup?) -> (Int, [UInt8])? {
        guard let variables else { return nil }
        let n = src.count
        guard i + 1 < n else { return nil }
        let c = src[i + 1]
        func name(_ from: Int, _ to: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: src[from..<to]), as: UTF8.self) }
        if SqlByteClass.isVariableChar(c) {
            var k = i + 1
            while k < n && SqlByteClass.isVariableChar(src[k]) { k += 1 }
            let raw = Array(UnsafeBufferPointer(rebasing: src[i..<k]))
            return (k, variables(name(i + 1, k)).map { Array($0.utf8) } ?? raw)
        }
        if let end = MetaCommandSyntax.variableReferenceEnd(src, at: i) {
            let raw = Array(UnsafeBufferPointer(rebasing: src[i..<end]))
            guard let value = variables(name(i + 2, end - 1)) else { return (end, raw) }
            let bytes = Array(value.utf8)
            return (end, c == UInt8(ascii: "'") ? VariableQuoting.literal(bytes) : VariableQuoting.identifier(bytes))
        }
        if c == UInt8(ascii: "{"), i + 2 < n, src[i + 2] == UInt8(ascii: "?") {
            var k = i + 3
            while k < n && SqlByteClass.isVariableChar(src[k]) { k += 1 }
            guard k > i + 3, k < n, src[k] == UInt8(ascii: "}") else { return nil }
            return (k + 1, Array((variables(name(i + 3, k)) != nil ? "TRUE" : "FALSE").utf8))
        }
        return nil
    }
}
