/// Consumes psqlui's analysis of the SQL being typed or run (e.g. to suggest an
/// index, or to offer a plan view). Assists only read; they act through commands.
public protocol SqlAssist: AnyObject, Sendable {
    /// A short name for messages.
    var name: String { get }
    /// Called after each statement the user runs, with its analysis. `intel` can
    /// analyse other text (a re-parse). Errors are reported with the plugin's name.
    func statementAnalyzed(_ result: AnalysisResult, intel: SqlIntelService) async throws
}

/// psqlui's SQL analysis, offered to plugins.
public protocol SqlIntelService: AnyObject, Sendable {
    /// Analyses `sql` again (pure: no server round trip).
    func analyze(_ sql: String) -> AnalysisResult
}

/// What psqlui's SQL analysis found in one statement.
public struct AnalysisResult: Sendable, Hashable {
    /// The statement's kind, from its first keyword(s), lower case: `select`, `insert`,
    /// `update`, `delete`, `create table`, `explain`… `""` when empty or unknown.
    public var statementKind: String
    /// Relations the statement names (in `FROM`, `JOIN`, `INTO`, `UPDATE`, …), in order.
    public var referencedRelations: [RelationReference]
    /// The statement text as analysed.
    public var text: String

    /// Creates a result.
    public init(statementKind: String, referencedRelations: [RelationReference], text: String) {
        self.statementKind = statementKind
        self.referencedRelations = referencedRelations
        self.text = text
    }
}

/// A relation named in SQL text.
public struct RelationReference: Sendable, Hashable {
    /// The schema, when the text qualified the name.
    public var schema: String?
    /// The relation name (unquoted; case-folded unless it was quoted).
    public var name: String
    /// The alias given in the text, if any.
    public var alias: String?

    /// Creates a reference.
    public init(schema: String? = nil, name: String, alias: String? = nil) {
        self.schema = schema
        self.name = name
        self.alias = alias
    }
}
