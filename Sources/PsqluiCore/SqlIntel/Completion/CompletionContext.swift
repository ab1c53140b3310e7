/// A table-like thing in scope at the cursor: a relation, a CTE, a subquery or
/// a set-returning function, with the alias it goes by.
public struct TableReference: Hashable, Sendable {
    /// What the reference stands for.
    public enum Source: Hashable, Sendable {
        /// A table, view or materialized view, looked up in the catalog.
        case relation
        /// A CTE from the statement's own WITH clause.
        case cte
        /// A subquery in FROM; its columns are `columns`.
        case subquery
        /// A set-returning function call in FROM.
        case function
    }

    public var schema: String?
    /// Relation, CTE or function name; nil for a subquery.
    public var name: String?
    public var alias: String?
    public var source: Source
    /// Known columns (CTE, subquery, or an alias column list such as `g(x, y)`);
    /// nil means "look the columns up in the catalog".
    public var columns: [DerivedColumn]?

    public init(schema: String? = nil, name: String?, alias: String? = nil, source: Source = .relation, columns: [DerivedColumn]? = nil) {
        self.schema = schema
        self.name = name
        self.alias = alias
        self.source = source
        self.columns = columns
    }

    /// The name the query uses to qualify this reference's columns.
    public var qualifier: String { alias ?? name ?? "" }

    /// A short label for tests and debugging: `orders o`, `public.orders`, `(subquery) s`.
    public var label: String {
        var s = name.map { (schema.map { $0 + "." } ?? "") + $0 } ?? "(subquery)"
        if let alias { s += " " + alias }
        return s
    }
}

/// A column a CTE or subquery produces.
public enum DerivedColumn: Hashable, Sendable {
    /// A named output column.
    case named(String)
    /// `*` or `t.*`: every column of these references.
    case all(of: [TableReference])
}

/// A CTE defined by the statement being typed.
public struct CommonTableExpression: Hashable, Sendable {
    public var name: String
    public var columns: [DerivedColumn]
    public init(name: String, columns: [DerivedColumn]) {
        self.name = name
        self.columns = columns
    }
}

/// One kind of thing that fits at the cursor, in the order the analyzer thinks
/// likeliest first.
public enum CompletionSuggestion: Hashable, Sendable {
    /// These keywords (phrases such as `GROUP BY` included); an empty list means any keyword.
    case keyword([String])
    case schema
    /// Tables, views and materialized views (and, unqualified, the statement's CTEs).
    case relation(schema: String?)
    /// Columns of these references.
    case column(tables: [TableReference])
    /// Columns that `right` shares with one of `left` (for `JOIN … USING (`).
    case usingColumn(left: [TableReference], right: TableReference)
    case function(schema: String?)
    /// Set-returning functions only (what fits after FROM and JOIN).
    case tableFunction(schema: String?)
    /// Data types, and (as composite types) tables; unqualified also schemas.
    case datatype(schema: String?)
    /// The whole column list of `tables` in place of a typed `*` or `alias.*`,
    /// each column qualified when `qualified`.
    case columnExpansion(tables: [TableReference], qualified: Bool)
    /// `INSERT INTO t (*`: the columns to give values for (not those a sequence, the
    /// current time, an identity or a generation fills), in place of the star.
    case insertColumns(table: TableReference)
    /// Catalog objects of one kind (indexes, constraints, …), of `table` when given.
    case catalogObject(CatalogObjectKind, table: TableReference?)
    /// The tables that have an object of `kind` called `name` (`DROP TRIGGER x ON |`).
    case tableOf(CatalogObjectKind, named: String, schema: String? = nil)
    /// The labels of enum type `type` (quoted literals).
    case enumLabel(type: TableReference)
    /// Run-time settings (`pg_settings`).
    case setting
    /// The values setting `name` accepts (its enum values, or on/off for booleans).
    case settingValue(name: String)
    /// A file name as a SQL string literal (`COPY t FROM '…'`).
    case quotedFile
    /// Names looked up when asked for (rare kinds, the session's cursors …).
    case lookup(CatalogLookupKind)
    /// Relations of one kind only (`COMMENT ON FOREIGN TABLE |`).
    case relationOfKind(MetadataSnapshot.RelationKind)
    /// Tables joined to `scope` by a foreign key, offered with their ON clause.
    case join(scope: [TableReference])
    /// `right.col = left.col` conditions from foreign keys.
    case joinCondition(right: TableReference, left: [TableReference])
    /// Aliases (or names) of references in scope, to qualify a column.
    case alias([TableReference])
    case role
    case database
    /// Colon commands and backslash aliases.
    case command
    /// The argument of a colon or backslash command, by the command's name as typed
    /// (`describe`, `\d`), `index` counting from 0.
    case commandArgument(command: String, index: Int)
    case file
    case format
    /// psql-style variables (`:name`).
    case variable

    /// A compact label for tests: `relation`, `relation(s)`, `column(orders o)`, …
    public var label: String {
        switch self {
        case .keyword(let k): return k.isEmpty ? "keyword" : "keyword(" + k.joined(separator: ",") + ")"
        case .schema: return "schema"
        case .relation(let s): return s.map { "relation(\($0))" } ?? "relation"
        case .column(let t): return "column(" + t.map(\.label).joined(separator: ",") + ")"
        case .usingColumn(let l, let r): return "using(" + l.map(\.label).joined(separator: ",") + ";" + r.label + ")"
        case .function(let s): return s.map { "function(\($0))" } ?? "function"
        case .tableFunction(let s): return s.map { "tableFunction(\($0))" } ?? "tableFunction"
        case .datatype(let s): return s.map { "datatype(\($0))" } ?? "datatype"
        case .columnExpansion(let t, let q): return "expand(" + t.map(\.label).joined(separator: ",") + (q ? ";qualified" : "") + ")"
        case .catalogObject(let k, let t): return k.rawValue + (t.map { "(" + $0.label + ")" } ?? "")
        case .tableOf(let k, let n, let schema): return "tableOf(\(k.rawValue) \(n)" + (schema.map { " in " + $0 } ?? "") + ")"
        case .enumLabel(let t): return "enumLabel(\(t.label))"
        case .setting: return "setting"
        case .settingValue(let n): return "settingValue(\(n))"
        case .quotedFile: return "quotedFile"
        case .insertColumns(let t): return "insertColumns(\(t.label))"
        case .lookup(let k): return "lookup(\(k))"
        case .relationOfKind(let k): return "relation(\(k))"
        case .join(let t): return "join(" + t.map(\.label).joined(separator: ",") + ")"
        case .joinCondition(let r, let l): return "joinCondition(" + r.label + ";" + l.map(\.label).joined(separator: ",") + ")"
        case .alias(let t): return "alias(" + t.map(\.qualifier).joined(separator: ",") + ")"
        case .role: return "role"
        case .database: return "database"
        case .command: return "command"
        case .commandArgument(let c, let i): return "argument(\(c),\(i))"
        case .file: return "file"
        case .format: return "format"
        case .variable: return "variable"
        }
    }
}

/// What the analyzer found at the cursor: the kinds that fit, the word being
/// completed and where it starts, and the scope (tables with aliases, CTEs).
public struct CompletionContext: Hashable, Sendable {
    /// Kinds that fit, likeliest first. Empty inside a string, comment or number.
    public var suggestions: [CompletionSuggestion]
    /// The text being completed, exactly as typed (`"Ord`, `cu`, `:ex`, `sub/fi`).
    public var word: String
    /// Character offset in the full text where `word` starts: what a candidate replaces.
    public var wordStart: Int
    /// Byte (UTF-8) offset of `wordStart`, for the libedit bridge.
    public var wordStartUTF8: Int
    /// The qualifier before the word (`o` in `o.cu`, `public` in `public.or`), normalized.
    public var qualifier: [String]
    /// True when the word starts with a double quote.
    public var isQuoted: Bool
    /// References in scope at the cursor (the innermost query), in text order.
    public var scope: [TableReference]
    /// References of enclosing queries (for correlated subqueries).
    public var outerScope: [TableReference]
    /// CTEs visible at the cursor.
    public var ctes: [CommonTableExpression]
    /// True when the user writes this statement in lower case (the word typed, or else the
    /// last keyword-looking word before it): the `on`/`and` of generated join conditions
    /// follow it. Keywords themselves follow `CompletionEngine.keywordCase`.
    public var lowercaseKeywords: Bool
    /// For a command's argument: the text typed after the command's name, up to the cursor.
    public var commandArguments: String? = nil

    public init(suggestions: [CompletionSuggestion] = [], word: String = "", wordStart: Int = 0, wordStartUTF8: Int = 0,
                qualifier: [String] = [], isQuoted: Bool = false, scope: [TableReference] = [],
                outerScope: [TableReference] = [], ctes: [CommonTableExpression] = [], lowercaseKeywords: Bool = false) {
        self.suggestions = suggestions
        self.word = word
        self.wordStart = wordStart
        self.wordStartUTF8 = wordStartUTF8
        self.qualifier = qualifier
        self.isQuoted = isQuoted
        self.scope = scope
        self.outerScope = outerScope
        self.ctes = ctes
        self.lowercaseKeywords = lowercaseKeywords
    }
}
