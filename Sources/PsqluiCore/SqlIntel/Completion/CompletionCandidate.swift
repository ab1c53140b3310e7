/// One completion offered to the user.
public struct CompletionCandidate: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case keyword, schema, table, view, column, function, datatype, join, alias, command, format, file, variable, role, database
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

    public init(name: String, aliases: [String] = [], argumentKind: CompletionArgumentKind = .none) {
        self.name = name
        self.aliases = aliases
        self.argumentKind = argumentKind
    }

    /// Every spelling as typed at the prompt: `:describe`, `:d`, `\d`.
    public var spellings: [String] {
        ([name] + aliases).map { $0.hasPrefix("\\") ? $0 : ":" + $0 }
    }
}

/// What a command's argument is, for completion.
public enum CompletionArgumentKind: String, Hashable, Sendable {
    case none, relation, format, file, database, schema, variable, command, role, function
}
