import FoundationEssentials

/// One use of a command, parsed once from its line with the grammar its entry declares.
public struct CommandCall: Sendable, Equatable {
    /// How the command was written.
    public enum Form: Sendable, Equatable {
        /// `:name args`
        case colon
        /// `\name args`
        case backslash
    }

    /// The name as typed, without the `:` or `\` (`x`, `gx`, `dt+`).
    public var name: String
    public var form: Form
    /// The argument bytes after the name, as typed.
    public var arguments: [UInt8]
    /// The arguments split by the entry's grammar (empty for `.wholeLine`).
    public var words: [String]
    /// For a backslash command: the query buffer it ended (`select 1 \g`), nil when empty.
    public var precedingSQL: [UInt8]?
    /// The input line the command is on.
    public var line: Int

    /// A call; `words` should come from `MetaCommandArguments.split(_:grammar:variables:)`.
    public init(name: String, form: Form, arguments: [UInt8], words: [String], precedingSQL: [UInt8]? = nil, line: Int = 0) {
        self.name = name
        self.form = form
        self.arguments = arguments
        self.words = words
        self.precedingSQL = precedingSQL
        self.line = line
    }

    /// The rest of the line, leading and trailing whitespace removed.
    public var text: String {
        MetaCommandArguments.restOfLine(arguments).trimmingBlanks()
    }

    /// The key the call is looked up by in the table: `name` for a colon call, `\name`
    /// for a backslash call.
    public var tableKey: String { form == .colon ? name : "\\" + name }

    /// How the call is written in messages (`:export`, `\g`).
    public var displayName: String { (form == .colon ? ":" : "\\") + name }
}
