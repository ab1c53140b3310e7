/// psql 15's `\g (name=value …) [FILE | |COMMAND]`: print options in parentheses,
/// applied for that one query, before the target. Options are split as psql's
/// ordinary slash-command words (quotes, variables); a word without `=` is an
/// option given no value (`expanded` toggles, as `\pset expanded` does).
public struct PrintOptionGroup: Equatable {
    public struct Option: Equatable {
        public var name: String
        public var value: String?
        public init(name: String, value: String?) { self.name = name; self.value = value }
    }

    public enum ParseError: Error, Equatable {
        /// `\g (format=csv` — psql's "missing right parenthesis".
        case missingRightParenthesis
    }

    public var options: [Option]
    /// The raw arguments after the closing parenthesis (the target, if any).
    public var rest: [UInt8]

    /// The group at the start of `raw`, or nil when the arguments do not start with `(`.
    public static func parse(_ raw: [UInt8], variables: VariableLookup?) throws -> PrintOptionGroup? {
        var i = 0
        while i < raw.count, raw[i] == 0x20 || raw[i] == 0x09 { i += 1 }
        guard i < raw.count, raw[i] == UInt8(ascii: "(") else { return nil }
        let open = i
        var quote: UInt8?
        i += 1
        while i < raw.count {
            let b = raw[i]
            if let q = quote {
                if b == UInt8(ascii: "\\"), q == UInt8(ascii: "'") { i += 1 } else if b == q { quote = nil }
            } else if b == UInt8(ascii: "'") || b == UInt8(ascii: "\"") {
                quote = b
            } else if b == UInt8(ascii: ")") {
                let inner = Array(raw[(open + 1)..<i])
                let options = MetaCommandArguments.split(inner, variables: variables).map { word -> Option in
                    guard let eq = word.firstIndex(of: "=") else { return Option(name: word, value: nil) }
                    return Option(name: String(word[..<eq]), value: String(word[word.index(after: eq)...]))
                }
                return PrintOptionGroup(options: options, rest: Array(raw[(i + 1)...]))
            }
            i += 1
        }
        throw ParseError.missingRightParenthesis
    }
}
