/// One completion offered to the user.
public struct CompletionCandidate: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case keyword, schema, table, view, column, function, datatype, join, alias, command, format, file, variable, role, database
        /// A `*` replaced by the column list.
        case expansion
        case constraint, index, sequence, trigger, policy, rule, `extension`, tablespace, collation, setting
        /// Kinds looked up on demand (`CatalogLookupKind`).
        case language, publication, subscription, server, cursor, channel
        case eventTrigger = "event_trigger", accessMethod = "access_method", textSearch = "text_search"
        case foreignDataWrapper = "foreign_data_wrapper", preparedStatement = "prepared_statement"
        /// A value of a setting, an enum label, a command's argument word.
        case value
    }

    public var kind: Kind
    /// What replaces the word (quoted where the name needs it).
    public var text: String
    /// Character offset in the completed text where the replaced word starts.
    public var start: Int
    /// A short note to show beside it: a column's type, a comment, a signature.
    public var detail: String?
    /// True when `text` starts with what the user typed (ignoring case and an
    /// opening quote); false for a fuzzy (subsequence) match, which is for
    /// display only: inserting it would change what the user typed.
    public var isPrefixMatch: Bool

    public init(kind: Kind, text: String, start: Int, detail: String? = nil, isPrefixMatch: Bool = true) {
        self.kind = kind
        self.text = text
        self.start = start
        self.detail = detail
        self.isPrefixMatch = isPrefixMatch
    }
}

/// A colon command (or backslash alias) as completion needs to know it; the
/// command registry provides the list.
public struct CompletionCommandInfo: Hashable, Sendable {
    /// The name without its colon: `describe` (or a backslash name, `\\if`, for a
    /// command without a colon form).
    public var name: String
    /// Other spellings. One starting with `\` is a backslash form (`\d`);
    /// any other is a colon alias written without its colon (`d`, `d+`).
    public var aliases: [String]
    public var argumentKind: CompletionArgumentKind
    /// For `.words`: the candidates given the argument text typed so far.
    public var words: Words?
    /// From this argument on the rest of the line completes as SQL (`CommandDescription.sqlFromArgument`).
    public var sqlFromArgument: Int? = nil

    /// A command's own argument words, from the text typed after its name.
    public struct Words: Hashable, Sendable {
        public let id: String
        public let list: @Sendable (String) -> [String]
        public init(id: String, _ list: @escaping @Sendable (String) -> [String]) { self.id = id; self.list = list }
        public static func == (a: Words, b: Words) -> Bool { a.id == b.id }
        public func hash(into h: inout Hasher) { h.combine(id) }
    }

    public init(name: String, aliases: [String] = [], argumentKind: CompletionArgumentKind = .none, words: Words? = nil,
                sqlFromArgument: Int? = nil) {
        self.sqlFromArgument = sqlFromArgument
        self.name = name
        self.aliases = aliases
        self.argumentKind = argumentKind
        self.words = words
    }

    /// Every spelling as typed at the prompt: `:describe`, `:d`, `\d`.
    public var spellings: [String] {
        ([name] + aliases).map { $0.hasPrefix("\\") ? $0 : ":" + $0 }
    }
}

/// What a command's argument is, for completion.
public enum CompletionArgumentKind: String, Hashable, Sendable {
    case none, relation, format, file, database, schema, variable, command, role, function
    /// Relations of one kind only (`\dt` tables, `\dv` views, `\dm` materialized views).
    case table, view, materializedView
    case index, sequence, datatype, `extension`
    /// The command's own words (`on|off|auto` from its usage, or its custom completer).
    case words
}
