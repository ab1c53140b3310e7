/// An immutable picture of the catalog that completion reads: schemas,
/// relations with their columns, functions, types, foreign keys, roles,
/// databases, keywords and the search path, with indexes built once so that a
/// completion never scans more than the objects of the schemas it looks at.
///
/// Build one per load (`MetadataLoader`) and swap it under a lock; readers
/// (the completion callback inside `readline`) never wait.
public final class MetadataSnapshot: Sendable {
    public struct Schema: Hashable, Sendable {
        public var name: String
        public var comment: String?
        public init(name: String, comment: String? = nil) { self.name = name; self.comment = comment }
    }

    public enum RelationKind: String, Hashable, Sendable {
        case table, view, materializedView, foreignTable, partitionedTable

        /// From `pg_class.relkind`.
        public init?(relkind: String) {
            switch relkind {
            case "r": self = .table
            case "v": self = .view
            case "m": self = .materializedView
            case "f": self = .foreignTable
            case "p": self = .partitionedTable
            default: return nil
            }
        }
    }

    public struct Column: Hashable, Sendable {
        public var name: String
        /// The type as `format_type` prints it (`integer`, `numeric(10,2)`).
        public var type: String
        public var comment: String?
        public init(name: String, type: String, comment: String? = nil) {
            self.name = name; self.type = type; self.comment = comment
        }
    }

    public struct Relation: Hashable, Sendable {
        public var schema: String
        public var name: String
        public var kind: RelationKind
        public var columns: [Column]
        public var comment: String?
        public init(schema: String, name: String, kind: RelationKind = .table, columns: [Column] = [], comment: String? = nil) {
            self.schema = schema; self.name = name; self.kind = kind; self.columns = columns; self.comment = comment
        }
    }

    public enum FunctionKind: String, Hashable, Sendable {
        case function, aggregate, window, procedure
        /// From `pg_proc.prokind`.
        public init(prokind: String) {
            switch prokind {
            case "a": self = .aggregate
            case "w": self = .window
            case "p": self = .procedure
            default: self = .function
            }
        }
    }

    public struct Function: Hashable, Sendable {
        public var schema: String
        public var name: String
        /// Identity arguments as `pg_get_function_identity_arguments` prints them.
        public var arguments: String
        /// Result as `pg_get_function_result` prints it (`numeric`, `SETOF record`, `TABLE(a integer)`).
        public var result: String
        public var kind: FunctionKind
        public var returnsSet: Bool
        /// Output column names of a `RETURNS TABLE(…)` function.
        public var resultColumns: [String]
        public var comment: String?
        public init(schema: String, name: String, arguments: String = "", result: String = "", kind: FunctionKind = .function,
                    returnsSet: Bool = false, resultColumns: [String] = [], comment: String? = nil) {
            self.schema = schema; self.name = name; self.arguments = arguments; self.result = result; self.kind = kind
            self.returnsSet = returnsSet; self.resultColumns = resultColumns; self.comment = comment
        }
    }

    public struct DataType: Hashable, Sendable {
        public var schema: String
        public var name: String
        public var comment: String?
        /// `pg_type.typtype`: b base, c composite, d domain, e enum, r range, m multirange, p pseudo.
        public var kind: Character
        /// An enum's labels in their sort order.
        public var enumLabels: [String]
        public init(schema: String, name: String, comment: String? = nil, kind: Character = "b", enumLabels: [String] = []) {
            self.schema = schema; self.name = name; self.comment = comment; self.kind = kind; self.enumLabels = enumLabels
        }
    }

    /// A named catalog object completion offers by name: a constraint or trigger
    /// of `table`, an index of `table`, a sequence, an extension…
    public struct CatalogObject: Hashable, Sendable {
        public var kind: CatalogObjectKind
        /// Its schema ("" for objects outside schemas: extensions, tablespaces).
        public var schema: String
        /// The table it belongs to ("" when none).
        public var table: String
        public var name: String
        public init(kind: CatalogObjectKind, schema: String = "", table: String = "", name: String) {
            self.kind = kind; self.schema = schema; self.table = table; self.name = name
        }
    }

    /// A run-time setting from `pg_settings`.
    public struct Setting: Hashable, Sendable {
        public var name: String
        /// `vartype`: bool, enum, integer, real, string.
        public var type: String
        /// An enum setting's accepted values.
        public var values: [String]
        public init(name: String, type: String, values: [String] = []) {
            self.name = name; self.type = type; self.values = values
        }
    }

    /// A foreign key: `schema.table(columns)` references `referencedSchema.referencedTable(referencedColumns)`.
    public struct ForeignKey: Hashable, Sendable {
        public var schema: String
        public var table: String
        public var columns: [String]
        public var referencedSchema: String
        public var referencedTable: String
        public var referencedColumns: [String]
        public init(schema: String, table: String, columns: [String], referencedSchema: String, referencedTable: String, referencedColumns: [String]) {
            self.schema = schema; self.table = table; self.columns = columns
            self.referencedSchema = referencedSchema; self.referencedTable = referencedTable; self.referencedColumns = referencedColumns
        }
    }

    /// A keyword from `pg_get_keywords()`; `category` is its `catcode`
    /// (U unreserved, C column name, T type or function name, R reserved).
    public struct Keyword: Hashable, Sendable {
        public var word: String
        public var category: Character
        public init(word: String, category: Character) { self.word = word; self.category = category }
    }

    /// An object an annotation is attached to (plugins such as `comments` add notes).
    public enum ObjectID: Hashable, Sendable {
        case schema(String)
        case relation(schema: String, name: String)
        case column(schema: String, relation: String, name: String)
        case function(schema: String, name: String)
    }

    public let schemas: [Schema]
    public let relations: [Relation]
    public let functions: [Function]
    public let types: [DataType]
    public let foreignKeys: [ForeignKey]
    public let roles: [String]
    public let databases: [String]
    public let keywords: [Keyword]
    /// `current_schemas(true)`: pg_catalog (implicit) and the user's path, in order.
    public let searchPath: [String]
    /// Extra notes per object (from MetadataHook plugins), shown as detail.
    public let annotations: [ObjectID: [String]]
    /// Constraints, indexes, sequences, triggers, policies, rules, extensions, tablespaces, collations.
    public var objects: [CatalogObject] { objectIndex.built.objects }
    public let settings: [Setting]
    /// Where the columns of a large catalog come from, relation by relation (nil: every
    /// relation's `columns` were loaded with it). Read columns through `columns(of:)`.
    public let columnStore: ColumnStore?
    /// The catalog fingerprint this snapshot was loaded at ("" when unknown).
    public let fingerprint: String

    // Indexes.
    /// Relation indices per schema, sorted by lower-cased name (so a name's place in
    /// its schema is an integer rank completion can sort on).
    let relationsBySchema: [String: [Int]]
    let relationKeys: [[UInt8]]                     // lower-cased names, parallel to `relations`
    /// Per schema, the keys of `relationsBySchema[schema]` in that (sorted) order, packed.
    let relationKeysBySchema: [String: FlatKeys]
    /// Per schema, its functions grouped by name, sorted by key; `shared` when the
    /// name is also a function's in another schema (only those need a shadowing check).
    let functionsBySchema: [String: [(name: String, key: [UInt8], indices: [Int], shared: Bool)]]
    /// The keys of `functionsBySchema[schema]`, in that order, packed.
    let functionKeysBySchema: [String: FlatKeys]
    let typesBySchema: [String: [Int]]
    /// `objects` and their lookups by kind and by table, built on first use.
    let objectIndex: CatalogObjectIndex
    let settingIndex: [String: Int]
    let foreignKeysByRelation: [String: [Int]]      // "schema\u{0}name" → FKs where it is either side
    /// Lower-cased keywords that need quoting as identifiers (every category but U).
    let quotedKeywords: Set<String>

    /// The schemas whose objects are system objects: hidden until typed.
    public static let systemSchemas: Set<String> = ["pg_catalog", "information_schema", "pg_toast"]

    public static func isSystemSchema(_ name: String) -> Bool {
        systemSchemas.contains(name) || name.hasPrefix("pg_toast") || name.hasPrefix("pg_temp_")
    }

    public convenience init(schemas: [Schema] = [], relations: [Relation] = [], functions: [Function] = [], types: [DataType] = [],
                foreignKeys: [ForeignKey] = [], roles: [String] = [], databases: [String] = [], keywords: [Keyword] = [],
                searchPath: [String] = ["pg_catalog", "public"], annotations: [ObjectID: [String]] = [:],
                objects: [CatalogObject] = [], settings: [Setting] = [], columnStore: ColumnStore? = nil, fingerprint: String = "") {
        self.init(schemas: schemas, relations: relations, functions: functions, types: types, foreignKeys: foreignKeys,
                  roles: roles, databases: databases, keywords: keywords, searchPath: searchPath, annotations: annotations,
                  objectIndex: CatalogObjectIndex { objects }, settings: settings, columnStore: columnStore, fingerprint: fingerprint)
    }

    /// The designated initializer: the catalog objects come from `objectIndex` (built on first use).
    init(schemas: [Schema], relations: [Relation], functions: [Function], types: [DataType], foreignKeys: [ForeignKey],
         roles: [String], databases: [String], keywords: [Keyword], searchPath: [String], annotations: [ObjectID: [String]],
         objectIndex: CatalogObjectIndex, settings: [Setting], columnStore: ColumnStore?, fingerprint: String) {
        self.columnStore = columnStore
        self.fingerprint = fingerprint
        self.schemas = schemas
        self.relations = relations
        self.functions = functions
        self.types = types
        self.foreignKeys = foreignKeys
        self.roles = roles
        self.databases = databases
        self.keywords = keywords
        self.searchPath = searchPath
        self.annotations = annotations
        self.objectIndex = objectIndex
        self.settings = settings
        var settingIndex: [String: Int] = [:]
        for (i, st) in settings.enumerated() { settingIndex[st.name.lowercased()] = i }
        self.settingIndex = settingIndex

        var relationsBySchema: [String: [Int]] = [:]
        var relationKeys: [[UInt8]] = []
        relationKeys.reserveCapacity(relations.count)
        for (i, r) in relations.enumerated() {
            relationsBySchema[r.schema, default: []].append(i)
            relationKeys.append(MetadataSnapshot.key(r.name))
        }
        var functionGroups: [String: [String: [Int]]] = [:]
        for (i, f) in functions.enumerated() { functionGroups[f.schema, default: [:]][f.name, default: []].append(i) }
        var schemasOfName: [String: Int] = [:]
        for groups in functionGroups.values { for name in groups.keys { schemasOfName[name, default: 0] += 1 } }
        var functionsBySchema: [String: [(name: String, key: [UInt8], indices: [Int], shared: Bool)]] = [:]
        for (schema, groups) in functionGroups {
            functionsBySchema[schema] = groups.map { (name: $0.key, key: MetadataSnapshot.key($0.key), indices: $0.value, shared: (schemasOfName[$0.key] ?? 0) > 1) }
                .sorted { $0.key.lexicographicallyPrecedes($1.key) || ($0.key == $1.key && $0.name < $1.name) }
        }
        var typesBySchema: [String: [Int]] = [:]
        for (i, t) in types.enumerated() { typesBySchema[t.schema, default: []].append(i) }
        var fkIndex: [String: [Int]] = [:]
        for (i, fk) in foreignKeys.enumerated() {
            fkIndex[fk.schema + "\u{0}" + fk.table, default: []].append(i)
            if fk.schema != fk.referencedSchema || fk.table != fk.referencedTable {
                fkIndex[fk.referencedSchema + "\u{0}" + fk.referencedTable, default: []].append(i)
            }
        }
        for (schema, indices) in relationsBySchema {
            relationsBySchema[schema] = indices.sorted { relationKeys[$0].lexicographicallyPrecedes(relationKeys[$1]) }
        }
        self.relationsBySchema = relationsBySchema
        self.relationKeys = relationKeys
        self.relationKeysBySchema = relationsBySchema.mapValues { FlatKeys($0.map { relationKeys[$0] }) }
        self.functionsBySchema = functionsBySchema
        self.functionKeysBySchema = functionsBySchema.mapValues { FlatKeys($0.map(\.key)) }
        self.typesBySchema = typesBySchema
        self.foreignKeysByRelation = fkIndex
        let fromCatalog = keywords.filter { $0.category != "U" }.map { $0.word.lowercased() }
        self.quotedKeywords = fromCatalog.isEmpty ? MetadataSnapshot.fallbackReservedKeywords : Set(fromCatalog)
    }

    /// A snapshot with nothing in it (no server): keywords, commands and files still complete.
    public static let empty = MetadataSnapshot(searchPath: ["pg_catalog", "public"])

    /// Lower-cased UTF-8 bytes, the form names are matched in.
    static func key(_ s: String) -> [UInt8] {
        s.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// The relation `schema.name`, or with no schema the first one along the search path.
    public func relation(schema: String?, name: String) -> Relation? {
        if let schema { return relationIndex(schema: schema, name: name).map { relations[$0] } }
        for s in searchPath { if let i = relationIndex(schema: s, name: name) { return relations[i] } }
        return nil
    }

    /// The index of relation `schema.name` in `relations`: a binary search of the
    /// schema's sorted keys (no per-name dictionary to build for 100,000 relations),
    /// then the exact (case-sensitive) name among the equal keys.
    func relationIndex(schema: String, name: String) -> Int? {
        guard let list = relationsBySchema[schema], let flat = relationKeysBySchema[schema] else { return nil }
        let key = MetadataSnapshot.key(name)
        var p = flat.lowerBound(key)
        while p < list.count, flat.equals(p, key) {
            if relations[list[p]].name == name { return list[p] }
            p += 1
        }
        return nil
    }

    /// The columns of `relation`: its own list, or with a column store (a large
    /// catalog) the store's, fetched on first use (bounded wait).
    public func columns(of relation: Relation) -> [Column] {
        guard let columnStore, relation.columns.isEmpty else { return relation.columns }
        return columnStore.columns(schema: relation.schema, name: relation.name)
    }

    /// The columns of `relation` known without a fetch (a large catalog's store may not have them yet).
    public func loadedColumns(of relation: Relation) -> [Column] {
        guard let columnStore, relation.columns.isEmpty else { return relation.columns }
        return columnStore.cached(schema: relation.schema, name: relation.name) ?? []
    }

    /// A copy with other relations and annotations (the same store and fingerprint).
    func replacing(relations: [Relation], annotations: [ObjectID: [String]]) -> MetadataSnapshot {
        MetadataSnapshot(schemas: schemas, relations: relations, functions: functions, types: types,
                         foreignKeys: foreignKeys, roles: roles, databases: databases, keywords: keywords,
                         searchPath: searchPath, annotations: annotations, objectIndex: objectIndex, settings: settings,
                         columnStore: columnStore, fingerprint: fingerprint)
    }

    /// Builds what the snapshot defers to first use (the catalog objects' index); the
    /// loader calls it right after publishing, so completions rarely wait for it.
    func buildDeferredIndexes() { _ = objectIndex.built }

    /// Functions named `name` (in `schema`, or along the search path).
    public func functions(schema: String?, name: String) -> [Function] {
        for s in schema.map({ [$0] }) ?? searchPath {
            if let group = functionsBySchema[s]?.first(where: { $0.name == name }) { return group.indices.map { functions[$0] } }
        }
        return []
    }

    static func tableKey(_ kind: CatalogObjectKind, _ schema: String, _ table: String) -> String {
        kind.rawValue + "\u{0}" + schema + "\u{0}" + table
    }

    /// Objects of `kind` that belong to table `schema.table`.
    public func objects(_ kind: CatalogObjectKind, schema: String, table: String) -> [CatalogObject] {
        let index = objectIndex.built
        return (index.byTable[MetadataSnapshot.tableKey(kind, schema, table)] ?? []).map { index.objects[$0] }
    }

    /// Objects of `kind`, in catalog order.
    public func objects(_ kind: CatalogObjectKind) -> [CatalogObject] {
        let index = objectIndex.built
        return (index.byKind[kind] ?? []).map { index.objects[$0] }
    }

    /// The setting called `name` (case-insensitive, as the server treats it).
    public func setting(named name: String) -> Setting? {
        settingIndex[name.lowercased()].map { settings[$0] }
    }

    /// The type `schema.name`, or with no schema the first one along the search path.
    public func type(schema: String?, name: String) -> DataType? {
        for s in schema.map({ [$0] }) ?? searchPath {
            if let i = (typesBySchema[s] ?? []).first(where: { types[$0].name == name }) { return types[i] }
        }
        return nil
    }

    /// Foreign keys in which `schema.name` is the referencing or the referenced table.
    public func foreignKeys(touching schema: String, _ name: String) -> [ForeignKey] {
        (foreignKeysByRelation[schema + "\u{0}" + name] ?? []).map { foreignKeys[$0] }
    }

    /// True when `name` must be written in double quotes to mean itself.
    public func needsQuotes(_ name: String) -> Bool {
        guard let first = name.utf8.first, first == UInt8(ascii: "_") || (first >= 0x61 && first <= 0x7A) else { return true }
        for c in name.utf8 {
            let ok = c == UInt8(ascii: "_") || c == UInt8(ascii: "$") || (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39)
            if !ok { return true }
        }
        return quotedKeywords.contains(name)
    }

    /// Reserved words used when the snapshot has no keyword list (no server).
    static let fallbackReservedKeywords: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast", "check",
        "collate", "column", "constraint", "create", "current_catalog", "current_date", "current_role", "current_time",
        "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end", "except",
        "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially", "intersect", "into",
        "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null", "offset", "on", "only", "or",
        "order", "placing", "primary", "references", "returning", "select", "session_user", "some", "symmetric",
        "system_user", "table", "then", "to", "trailing", "true", "union", "unique", "user", "using", "variadic", "when",
        "where", "window", "with", "authorization", "binary", "collation", "concurrently", "cross", "current_schema",
        "freeze", "full", "ilike", "inner", "is", "isnull", "join", "left", "like", "natural", "notnull", "outer",
        "overlaps", "right", "similar", "tablesample", "verbose",
    ]
}
