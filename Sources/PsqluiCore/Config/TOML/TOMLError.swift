/// Why a document is not valid TOML 1.0, and where: the one error `TOMLParser` throws.
///
/// `line` and `column` are 1-based; the column counts characters (Unicode scalars),
/// not bytes. `problem` is the sentence for the user; `description` prefixes it with
/// the position (`line 3, column 8: …`). Callers that know the file name print
/// `PATH:LINE:COLUMN: PROBLEM` themselves.
public struct TOMLError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public enum Reason: Error, Sendable, Equatable {
        /// Bytes that are not UTF-8.
        case invalidUTF8
        /// A control character where TOML forbids it (`context`: "a string", "a comment").
        case controlCharacter(UInt32, context: String)
        /// A carriage return not followed by a line feed.
        case bareCarriageReturn
        /// Something else than what the grammar allows here.
        case expected(String, found: String)
        /// A string that the line (or, multi-line, the file) ends inside.
        case unterminatedString(multiline: Bool)
        /// A backslash escape TOML does not have.
        case invalidEscape(String)
        /// `\u`/`\U` naming no Unicode scalar (a surrogate, beyond U+10FFFF).
        case invalidUnicodeEscape(String)
        /// A number that does not follow TOML's rules; `why` says which.
        case invalidNumber(String, why: String)
        /// An integer beyond 64 bits.
        case integerOutOfRange(String)
        /// A date or time that does not follow RFC 3339 or does not exist.
        case invalidDateTime(String, why: String)
        /// A bare word where a value belongs (`name = foo`).
        case invalidValue(String)
        /// The same key twice in one table.
        case duplicateKey(String)
        /// `[a]` twice.
        case tableDefinedTwice(String)
        /// A key used as a table that already holds another kind of value.
        case notATable(String, holds: String)
        /// An inline table (`a = { … }`) added to later.
        case inlineTableExtended(String)
        /// `[[a]]` where `a` is an array value (`a = [ … ]`).
        case staticArrayExtended(String)
        /// `[a]` where `a` is an array of tables.
        case arrayOfTablesAsTable(String)
        /// `[[a]]` where `a` is a table.
        case tableAsArrayOfTables(String)
        /// Dotted keys adding to a table defined elsewhere (its own header, or dotted
        /// keys in another section).
        case dottedKeysIntoDefinedTable(String)
        /// `[a.b]` after dotted keys created `a.b`.
        case headerForDottedTable(String)

        /// The sentence the user reads.
        public var description: String {
            switch self {
            case .invalidUTF8:
                return "invalid UTF-8 (TOML files must be UTF-8 text)"
            case .controlCharacter(let c, let context):
                let hex = String(c, radix: 16, uppercase: true)
                let code = String(repeating: "0", count: max(0, 4 - hex.count)) + hex
                return context == "a string"
                    ? "control character U+\(code) is not allowed in a string (write it as \\u\(code))"
                    : "control character U+\(code) is not allowed in \(context)"
            case .bareCarriageReturn:
                return "a carriage return must be followed by a line feed"
            case .expected(let what, let found):
                return "expected \(what), found \(found)"
            case .unterminatedString(let multiline):
                return multiline ? "multi-line string is not closed before the end of the file"
                    : "string is not closed before the end of the line"
            case .invalidEscape(let e):
                return "invalid escape \(e) in a string (TOML has \\b \\t \\n \\f \\r \\\" \\\\ \\uXXXX \\UXXXXXXXX)"
            case .invalidUnicodeEscape(let e):
                return "\(e) is not a Unicode scalar value"
            case .invalidNumber(let text, let why):
                return "invalid number \(text): \(why)"
            case .integerOutOfRange(let text):
                return "integer \(text) does not fit in 64 bits"
            case .invalidDateTime(let text, let why):
                return "invalid date or time \(text): \(why)"
            case .invalidValue(let word):
                return "invalid value \(word) (a string needs quotes: \"\(word)\"; booleans are true and false)"
            case .duplicateKey(let key):
                return "key \(key) is defined twice"
            case .tableDefinedTwice(let key):
                return "table [\(key)] is defined twice"
            case .notATable(let key, let holds):
                return "\(key) is not a table (it holds \(holds))"
            case .inlineTableExtended(let key):
                return "\(key) is an inline table; nothing can be added to it later"
            case .staticArrayExtended(let key):
                return "\(key) is an array value; [[\(key)]] cannot add to it"
            case .arrayOfTablesAsTable(let key):
                return "\(key) is an array of tables; [\(key)] cannot define it (add an element with [[\(key)]])"
            case .tableAsArrayOfTables(let key):
                return "\(key) is a table; [[\(key)]] cannot make it an array of tables"
            case .dottedKeysIntoDefinedTable(let key):
                return "table \(key) is defined elsewhere; dotted keys here cannot add to it"
            case .headerForDottedTable(let key):
                return "table \(key) was created by dotted keys; [\(key)] cannot define it again"
            }
        }
    }

    /// 1-based line.
    public let line: Int
    /// 1-based column, in characters.
    public let column: Int
    /// What is wrong.
    public let reason: Reason

    public init(line: Int, column: Int, reason: Reason) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    /// The problem without the position.
    public var problem: String { reason.description }

    /// `line 3, column 8: expected a value, found the end of the line`.
    public var description: String { "line \(line), column \(column): \(problem)" }
}
