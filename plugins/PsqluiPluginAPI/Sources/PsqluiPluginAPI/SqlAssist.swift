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
    /// `sql` with every literal (strings, numbers, dollar-quoted bodies), every
    /// comment and anything psqlui's secret filter recognises (a password in a
    /// conninfo or URI) replaced by the placeholder `?`, so that the text can leave
    /// the machine (telemetry, logs). Identifiers and keywords are kept.
    ///
    /// Added in core 0.2; a service that does not implement it redacts everything.
    func redact(_ sql: String) -> String
}

extension SqlIntelService {
    /// Redacts the whole statement (for services written before `redact` existed):
    /// never lets a literal through.
    public func redact(_ sql: String) -> String { "?" }
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
    /// Columns the statement names (select list, `WHERE`, `SET`, insert column
    /// lists…), each with the relation it belongs to when psqlui could tell (from
    /// the qualifier, or from the metadata cache for an unqualified name). Added in
    /// core 0.2.
    public var referencedColumns: [ColumnReference] = []
    /// `text` as `SqlIntelService.redact` returns it: safe to export. Added in core 0.2.
    public var redactedText: String = "?"

    /// Creates a result (without columns; the redacted text is `?`).
    public init(statementKind: String, referencedRelations: [RelationReference], text: String) {
        self.statementKind = statementKind
        self.referencedRelations = referencedRelations
        self.text = text
    }

    /// Creates a result with its columns and redacted text.
    public init(statementKind: String, referencedRelations: [RelationReference], referencedColumns: [ColumnReference],
                text: String, redactedText: String) {
        self.statementKind = statementKind
        self.referencedRelations = referencedRelations
        self.referencedColumns = referencedColumns
        self.text = text
        self.redactedText = redactedText
    }
}

/// A column named in SQL text.
public struct ColumnReference: Sendable, Hashable, CustomStringConvertible {
    /// The relation it belongs to (schema and name, no alias), when known.
    public var relation: RelationReference?
    /// The column name (unquoted; case-folded unless it was quoted).
    public var name: String

    /// Creates a reference.
    public init(relation: RelationReference? = nil, name: String) {
        self.relation = relation
        self.name = name
    }

    /// `[schema.]relation.column`, or the bare name.
    public var description: String {
        guard let r = relation else { return name }
        return (r.schema.map { $0 + "." } ?? "") + r.name + "." + name
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
