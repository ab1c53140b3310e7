import FoundationEssentials

/// Turns the analyzer's kinds into ranked candidates from a metadata snapshot,
/// the command list, export formats, variables and files.
///
/// Ranking, best first: prefix matches, then fuzzy (subsequence) matches; within
/// each, the analyzer's likelier kinds first; then user objects before system
/// ones (and search-path order); then the tighter fuzzy match; then by name.
/// Objects of `pg_catalog` / `information_schema` (except built-in functions and
/// types) appear only when the user typed their schema or a `pg_` prefix.
public struct CompletionEngine: Sendable {
    public var snapshot: MetadataSnapshot
    public var commands: [CompletionCommandInfo]
    public var formats: [String]
    public var variables: [String]
    /// Lists a directory for file completion: entry names and whether each is a directory.
    public var listDirectory: @Sendable (String) -> [(name: String, isDirectory: Bool)]
    /// Names the user has used before (`CompletionUsage.names`): they rank above equal matches.
    public var usedNames: Set<[UInt8]> = []
    /// Looks up the names of a kind not kept in the snapshot (`CatalogLookupKind`), waiting
    /// a bounded time; nil (no connection to ask): those kinds offer nothing.
    public var lookup: (@Sendable (CatalogLookupKind) -> [String])?
    /// How keywords are spelt (psql's `COMP_KEYWORD_CASE`).
    public var keywordCase: KeywordCase = .preserveUpper

    public init(snapshot: MetadataSnapshot, commands: [CompletionCommandInfo] = [], formats: [String] = [],
                variables: [String] = [],
                listDirectory: @escaping @Sendable (String) -> [(name: String, isDirectory: Bool)] = FileLister.list) {
        self.snapshot = snapshot
        self.commands = commands
        self.formats = formats
        self.variables = variables
        self.listDirectory = listDirectory
    }

    /// Candidates for the word at `cursor` (a character offset, clamped) in `text`, best first,
    /// at most `limit` of them (the libedit bridge needs a screenful, `--complete` all).
    public func complete(text: String, cursor: Int, limit: Int = .max) -> [CompletionCandidate] {
        let clamped = max(0, min(cursor, text.count))
        let index = text.index(text.startIndex, offsetBy: clamped)
        let utf8Offset = text.utf8.distance(from: text.utf8.startIndex, to: index)
        return complete(bytes: Array(text.utf8), cursorUTF8: utf8Offset, limit: limit)
    }

    /// Candidates for UTF-8 `bytes` with the cursor at a byte offset (libedit's `rl_point`).
    public func complete(bytes: [UInt8], cursorUTF8: Int, limit: Int = .max) -> [CompletionCandidate] {
        var context = CompletionAnalyzer.suggest(bytes: bytes, cursor: cursorUTF8)
        // The empty buffer: statement starts, then every command (`:help`, `\d`…).
        if bytes[..<min(max(cursorUTF8, 0), bytes.count)].allSatisfy(SqlTokenizer.isSpace), !context.suggestions.contains(.command) {
            context.suggestions.append(.command)
        }
        return candidates(for: context, limit: limit)
    }

    /// Candidates for an analyzed context.
    public func candidates(for context: CompletionContext, limit: Int = .max) -> [CompletionCandidate] {
        if let sql = sqlArgumentContext(context) { return candidates(for: sql, limit: limit) }
        var collector = CandidateCollector(context: context, snapshot: snapshot, used: usedNames)
        collector.limit = limit
        for (rank, suggestion) in context.suggestions.enumerated() {
            add(suggestion, rank: rank, to: &collector)
        }
        return collector.ranked(limit: limit)
    }

    /// For a command whose arguments from some index on are SQL (`:save NAME SELECT …`)
    /// with the cursor there: that SQL analyzed on its own, its offsets moved into the line.
    func sqlArgumentContext(_ context: CompletionContext) -> CompletionContext? {
        guard context.suggestions.count == 1, case .commandArgument(let name, let index) = context.suggestions[0],
              let from = command(named: name)?.sqlFromArgument, index >= from, let arguments = context.commandArguments else { return nil }
        // Skip the arguments before the SQL (a name has no quotes or spaces).
        var rest = Substring(arguments)
        for _ in 0..<from {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            rest = rest.drop { $0 != " " && $0 != "\t" }
        }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        let sql = String(rest)
        var inner = CompletionAnalyzer.suggest(textBeforeCursor: sql, fullText: sql)
        // `arguments` ends at the cursor, as `word` does: where the arguments start in the line.
        let argumentsStart = context.wordStart + context.word.count - arguments.count
        let argumentsStartUTF8 = context.wordStartUTF8 + context.word.utf8.count - arguments.utf8.count
        inner.wordStart += argumentsStart + (arguments.count - sql.count)
        inner.wordStartUTF8 += argumentsStartUTF8 + (arguments.utf8.count - sql.utf8.count)
        return inner
    }

    // MARK: Per kind

    func add(_ suggestion: CompletionSuggestion, rank: Int, to c: inout CandidateCollector) {
        switch suggestion {
        case .keyword(let list): addKeywords(list, rank: rank, to: &c)
        case .schema: addSchemas(rank: rank, qualifying: Self.qualifiesNames(c.context.suggestions), to: &c)
        case .relation(let schema): addRelations(schema: schema, rank: rank, to: &c)
        case .column(let tables): addColumns(tables, rank: rank, to: &c)
        case .usingColumn(let left, let right):
            let leftNames = Set(left.flatMap { columns(of: $0).map(\.name) })
            for (i, col) in columns(of: right).enumerated() where leftNames.contains(col.name) {
                c.add(.column, name: col.name, detail: col.type, rank: rank, subrank: i)
            }
        case .function(let schema): addFunctions(schema: schema, rank: rank, to: &c)
        case .tableFunction(let schema): addFunctions(schema: schema, fromItem: true, rank: rank, to: &c)
        case .datatype(let schema): addTypes(schema: schema, rank: rank, to: &c)
        case .columnExpansion(let tables, let qualified): addExpansion(tables, qualified: qualified, rank: rank, to: &c)
        case .catalogObject(let kind, let table): addObjects(kind, table: table, rank: rank, to: &c)
        case .tableOf(let kind, let name, let schema): addTables(having: kind, named: name, schema: schema, rank: rank, to: &c)
        case .enumLabel(let type): addEnumLabels(type, rank: rank, to: &c)
        case .setting: addSettings(rank: rank, to: &c)
        case .settingValue(let name): addSettingValues(name, rank: rank, to: &c)
        case .quotedFile: addQuotedFiles(rank: rank, to: &c)
        case .lookup(let kind): addLookedUp(kind, rank: rank, to: &c)
        case .insertColumns(let table): addInsertColumns(table, rank: rank, to: &c)
        case .relationOfKind(let kind): addRelations(schema: nil, kinds: [kind], rank: rank, to: &c)
        case .join(let scope): addJoins(scope: scope, rank: rank, to: &c)
        case .joinCondition(let right, let left): addJoinConditions(right: right, left: left, rank: rank, to: &c)
        case .alias(let refs):
            for (i, ref) in refs.enumerated() where !ref.qualifier.isEmpty {
                c.add(.alias, name: ref.qualifier, detail: ref.label, rank: rank, subrank: i)
            }
        case .role:
            for r in snapshot.roles { c.add(.role, name: r, rank: rank, subrank: r.hasPrefix("pg_") ? 1 : 0) }
        case .database:
            for d in snapshot.databases { c.add(.database, name: d, rank: rank, subrank: d.hasPrefix("template") ? 1 : 0) }
        case .command:
            for cmd in commands {
                for s in cmd.spellings { c.addLiteral(.command, text: s, match: s, rank: rank, subrank: s == cmd.spellings[0] ? 0 : 1) }
            }
        case .commandArgument(let command, let index):
            addCommandArgument(command, index: index, rank: rank, to: &c)
        case .file: addFiles(rank: rank, to: &c)
        case .format:
            for f in formats { c.addLiteral(.format, text: f, match: f, rank: rank, subrank: 0) }
        case .variable:
            for v in variables { c.addLiteral(.variable, text: ":" + v, match: ":" + v, rank: rank, subrank: 0) }
        }
    }

    static let allKeywords: [String] = {
        var seen = Set<String>()
        let R = CompletionRules.self
        let lists = [R.statementStarts, R.createObjects, R.afterFromItem, R.afterCondition, R.afterOrderBy,
                     R.alterTableActions, R.columnConstraints, R.expressionKeywords, R.afterSelectItem]
        return lists.joined().filter { seen.insert($0).inserted }
    }()

    func addKeywords(_ list: [String], rank: Int, to c: inout CandidateCollector) {
        var words = list
        let all = { [snapshot] in snapshot.keywords.isEmpty ? CompletionEngine.allKeywords : snapshot.keywords.map { $0.word.uppercased() } }
        if words.isEmpty {
            words = all()
        } else if words.last == CompletionRules.everyOtherKeyword {
            words.removeLast()
            let named = Set(words)
            words += all().filter { !named.contains($0) }
        }
        let lower = keywordCase.lowercase(typed: c.context.word)
        for (i, k) in words.enumerated() {
            // Settings such as `search_path` keep their own case.
            let isSetting = k.contains(where: { $0.isLowercase })
            let text = isSetting ? k : (lower ? k.lowercased() : k)
            c.addLiteral(.keyword, text: text, match: k, rank: rank, subrank: i)
        }
    }

    /// Schemas. `qualifying`: offered to qualify a name (`public.`, as psql does: no space
    /// follows, the next Tab goes on into the schema); otherwise the schema itself is the object.
    func addSchemas(rank: Int, qualifying: Bool = false, to c: inout CandidateCollector) {
        for s in snapshot.schemas {
            if MetadataSnapshot.isSystemSchema(s.name) {
                // Hidden until typed: only a real prefix of the name shows it.
                guard !c.needle.isEmpty, MetadataSnapshot.key(s.name).starts(with: c.needle) else { continue }
            }
            c.add(.schema, name: s.name, detail: s.comment, rank: rank, subrank: MetadataSnapshot.isSystemSchema(s.name) ? 1 : 0,
                  suffix: qualifying ? "." : "")
        }
    }

    /// True when the schemas among `suggestions` are there to qualify another kind's name.
    static func qualifiesNames(_ suggestions: [CompletionSuggestion]) -> Bool {
        suggestions.contains { s in
            switch s {
            case .relation(nil), .function(nil), .tableFunction(nil), .datatype(nil), .relationOfKind: return true
            case .catalogObject(let kind, nil): return kind == .index || kind == .sequence
            case .lookup(let kind):
                switch kind {
                case .textSearchConfiguration, .textSearchDictionary, .textSearchParser, .textSearchTemplate: return true
                default: return false
                }
            default: return false
            }
        }
    }

    func relationKind(_ k: MetadataSnapshot.RelationKind) -> CompletionCandidate.Kind {
        k == .view || k == .materializedView ? .view : .table
    }

    func addRelations(schema: String?, kinds: Set<MetadataSnapshot.RelationKind>? = nil, rank: Int, to c: inout CandidateCollector) {
        if let schema {
            c.addRelations(schema: schema, rank: rank, subrank: 0) { [snapshot] i in
                kinds.map { $0.contains(snapshot.relations[i].kind) } ?? true
            }
            return
        }
        for cte in c.context.ctes where kinds == nil {
            c.add(.table, name: cte.name, detail: "CTE", rank: rank, subrank: 0)
        }
        let typedSystemPrefix = c.needle.starts(with: Array("pg_".utf8))
        let schemas = snapshot.searchPath.filter { !MetadataSnapshot.isSystemSchema($0) || typedSystemPrefix }
        // A name earlier on the path shadows the same name later (only checked when the path has several schemas).
        var seen = Set<String>()
        let shadowing = schemas.count > 1
        for (order, s) in schemas.enumerated() {
            let system = MetadataSnapshot.isSystemSchema(s)
            c.addRelations(schema: s, rank: rank, subrank: system ? 100 : 1 + order, prefixOnly: system) { [snapshot] i in
                if let kinds, !kinds.contains(snapshot.relations[i].kind) { return false }
                return !shadowing || seen.insert(snapshot.relations[i].name).inserted
            }
        }
        addOffPathRelations(kinds: kinds, rank: rank, to: &c)
    }

    /// Relations of user schemas off the search path whose name starts with the typed
    /// word, offered schema-qualified (`custom.users`) after everything on the path.
    /// Only for a typed word: a bare `FROM ` lists the path's relations and the schemas.
    func addOffPathRelations(kinds: Set<MetadataSnapshot.RelationKind>?, rank: Int, to c: inout CandidateCollector) {
        guard !c.needle.isEmpty, !c.context.isQuoted else { return }
        let path = Set(snapshot.searchPath)
        for schema in snapshot.schemas.map(\.name) where !path.contains(schema) && !MetadataSnapshot.isSystemSchema(schema) {
            guard let list = snapshot.relationsBySchema[schema], let flat = snapshot.relationKeysBySchema[schema] else { continue }
            let positions = c.matchingPositions(flat, prefixOnly: true) { [snapshot] p in
                kinds.map { $0.contains(snapshot.relations[list[p]].kind) } ?? true
            }
            for p in positions {
                let r = snapshot.relations[list[p]]
                c.addLiteral(relationKind(r.kind), text: quoted(schema) + "." + quoted(r.name), match: r.name,
                             rank: rank, subrank: 200, tiebreak: p, detail: r.comment, displayOnly: true)
            }
        }
    }

    /// The columns a reference has: its own list, a CTE's or subquery's, a
    /// function's result columns, or the catalog's.
    func columns(of ref: TableReference, depth: Int = 0) -> [MetadataSnapshot.Column] {
        if depth > 8 { return [] }
        if let derived = ref.columns {
            var out: [MetadataSnapshot.Column] = []
            for d in derived {
                switch d {
                case .named(let n): out.append(MetadataSnapshot.Column(name: n, type: ""))
                case .all(let refs): for r in refs { out += columns(of: r, depth: depth + 1) }
                }
            }
            return out
        }
        guard let name = ref.name else { return [] }
        switch ref.source {
        case .function:
            let cols = snapshot.functions(schema: ref.schema, name: name).first?.resultColumns ?? []
            if !cols.isEmpty { return cols.map { MetadataSnapshot.Column(name: $0, type: "") } }
            return [MetadataSnapshot.Column(name: ref.alias ?? name, type: "")]
        case .relation, .cte, .subquery:
            return snapshot.relation(schema: ref.schema, name: name).map { snapshot.columns(of: $0) } ?? []
        }
    }

    func addColumns(_ tables: [TableReference], rank: Int, to c: inout CandidateCollector) {
        var seen = Set<String>()
        for (t, ref) in tables.enumerated() {
            for col in columns(of: ref) where seen.insert(col.name).inserted {
                c.add(.column, name: col.name, detail: col.comment ?? (col.type.isEmpty ? nil : col.type), rank: rank, subrank: t)
            }
        }
    }

    /// Functions along the search path (or of `schema`). As a FROM item: the user's
    /// set-returning ones; the user's other functions too (PostgreSQL accepts any function
    /// in FROM, and pgcli offers them) but listed last and never inserted by a single Tab,
    /// so `FROM cust` still completes to the table; built-in ones only set-returning and
    /// only when nothing else matched the word (`FROM generate_` to the built-in).
    func addFunctions(schema: String?, fromItem: Bool = false, rank: Int, to c: inout CandidateCollector) {
        let schemas = schema.map { [$0] } ?? snapshot.searchPath
        var seen = Set<String>()
        let fallback = fromItem && !c.hasPrefixMatch
        for s in schemas {
            let system = MetadataSnapshot.isSystemSchema(s)
            if fromItem && system && !fallback && schema == nil { continue }
            let shadowing = schemas.count > 1
            guard let groups = snapshot.functionsBySchema[s], let flat = snapshot.functionKeysBySchema[s] else { continue }
            let returnsSet = { (p: Int) in
                groups[p].indices.contains { i in snapshot.functions[i].returnsSet && snapshot.functions[i].kind == .function }
            }
            let positions = c.matchingPositions(flat) { p in
                let group = groups[p]
                if fromItem && system && !returnsSet(p) { return false }
                if system && CompletionRules.keywordFunctions.contains(group.name) { return false }
                return !shadowing || !group.shared || seen.insert(group.name).inserted
            }
            for p in positions {
                let group = groups[p]
                let scalarInFrom = fromItem && !returnsSet(p)
                c.addFunction(name: group.name, key: group.key, index: group.indices[0], overloads: group.indices.count,
                              rank: rank, subrank: scalarInFrom ? 2 : (system && schema == nil ? 1 : 0),
                              displayOnly: scalarInFrom)
            }
        }
    }

    /// SQL spellings of built-in types that `pg_type` names differently.
    static let standardTypeNames = [
        "integer", "bigint", "smallint", "boolean", "text", "varchar", "char", "numeric", "decimal", "real",
        "double precision", "timestamp", "timestamptz", "date", "time", "interval", "uuid", "json", "jsonb", "bytea",
        "int", "character", "character varying", "bit", "bit varying",
        "timestamp with time zone", "timestamp without time zone", "time with time zone", "time without time zone",
    ]

    /// Types (base, domains, enums, ranges, composites), then tables (their row
    /// types), then schemas to qualify with; after `schema.` that schema's types and tables.
    func addTypes(schema: String?, rank: Int, to c: inout CandidateCollector) {
        if let schema {
            for i in snapshot.typesBySchema[schema] ?? [] { c.add(.datatype, name: snapshot.types[i].name, rank: rank, subrank: 0) }
            c.addRelations(schema: schema, rank: rank, subrank: 1)
            return
        }
        for s in snapshot.searchPath where !MetadataSnapshot.isSystemSchema(s) {
            c.addRelations(schema: s, rank: rank, subrank: 3)
        }
        addSchemas(rank: rank + 1, qualifying: true, to: &c)
        for s in snapshot.searchPath {
            let system = MetadataSnapshot.isSystemSchema(s)
            for i in snapshot.typesBySchema[s] ?? [] {
                let t = snapshot.types[i]
                c.add(.datatype, name: t.name, detail: t.comment, rank: rank, subrank: system ? 2 : 0)
            }
        }
        for (i, name) in CompletionEngine.standardTypeNames.enumerated() {
            c.addLiteral(.datatype, text: name, match: name, rank: rank, subrank: 1, tiebreak: i)
        }
    }

    // MARK: Joins

    func resolvedRelation(_ ref: TableReference) -> MetadataSnapshot.Relation? {
        guard ref.source == .relation, let name = ref.name else { return nil }
        return snapshot.relation(schema: ref.schema, name: name)
    }

    /// An alias for a joined table: initials of its words (`order_items` → `oi`), unique in scope.
    func makeAlias(for name: String, taken: Set<String>, initials useInitials: Bool = true) -> String {
        let initials = useInitials ? name.split(separator: "_").compactMap(\.first).map(String.init).joined().lowercased() : name
        var base = initials.isEmpty ? "t" : initials
        if base.utf8.first.map({ !SqlTokenizer.isIdentifierStart($0) }) ?? true { base = "t" + base }
        var alias = base
        var n = 2
        while taken.contains(alias) || snapshot.quotedKeywords.contains(alias) { alias = base + String(n); n += 1 }
        return alias
    }

    func quoted(_ name: String) -> String {
        snapshot.needsQuotes(name) ? "\"" + name.replacingQuotes() + "\"" : name
    }

    func condition(_ a: String, _ aCols: [String], _ b: String, _ bCols: [String], and: String) -> String {
        zip(aCols, bCols).map { "\(quoted(a)).\(quoted($0)) = \(quoted(b)).\(quoted($1))" }.joined(separator: " \(and) ")
    }

    /// Tables joined to `scope` by a foreign key, each with its ON clause. A
    /// self-referencing key is offered in both directions, the second copy of the
    /// table always under a declared alias. Matched on the table's name or on the
    /// key's columns (`JOIN custid` finds the join on `customer_id`).
    func addJoins(scope: [TableReference], rank: Int, to c: inout CandidateCollector) {
        let useAliases = scope.contains { $0.alias != nil }
        var taken = Set(scope.map(\.qualifier))
        let on = c.context.lowercaseKeywords ? "on" : "ON"
        let and = c.context.lowercaseKeywords ? "and" : "AND"
        for (refIndex, ref) in scope.enumerated() {
            guard let rel = resolvedRelation(ref) else { continue }
            for fk in snapshot.foreignKeys(touching: rel.schema, rel.name) {
                let selfReferencing = fk.schema == fk.referencedSchema && fk.table == fk.referencedTable
                let directions = selfReferencing ? [true, false] : [fk.schema == rel.schema && fk.table == rel.name]
                let otherTable = directions[0] ? fk.referencedTable : fk.table
                let otherSchema = directions[0] ? fk.referencedSchema : fk.schema
                let visible = snapshot.relation(schema: nil, name: otherTable).map { $0.schema == otherSchema } ?? false
                // Qualified when the user qualified the table it joins to, or when the search path does not find it.
                let tableText = visible && ref.schema == nil ? quoted(otherTable) : quoted(otherSchema) + "." + quoted(otherTable)
                let declaresAlias = useAliases || selfReferencing
                let alias = useAliases ? makeAlias(for: otherTable, taken: taken)
                    : selfReferencing ? makeAlias(for: otherTable + "2", taken: taken, initials: false) : otherTable
                if declaresAlias { taken.insert(alias) }
                for refIsChild in directions {
                    let (otherCols, refCols) = refIsChild ? (fk.referencedColumns, fk.columns) : (fk.columns, fk.referencedColumns)
                    let text = tableText + (declaresAlias ? " " + quoted(alias) : "") + " \(on) "
                        + condition(alias, otherCols, ref.qualifier, refCols, and: and)
                    let match = ([otherTable] + refCols + otherCols).first { c.matches(MetadataSnapshot.key($0)) } ?? otherTable
                    c.addLiteral(.join, text: text, match: match, rank: rank, subrank: refIndex, detail: nil)
                }
            }
        }
    }

    func addJoinConditions(right: TableReference, left: [TableReference], rank: Int, to c: inout CandidateCollector) {
        let and = c.context.lowercaseKeywords ? "and" : "AND"
        defer { addNameJoinConditions(right: right, left: left, and: and, rank: rank, to: &c) }
        guard let rightRel = resolvedRelation(right) else { return }
        for (i, ref) in left.enumerated().reversed() {
            guard let rel = resolvedRelation(ref) else { continue }
            for fk in snapshot.foreignKeys(touching: rightRel.schema, rightRel.name) {
                let rightIsChild = fk.schema == rightRel.schema && fk.table == rightRel.name
                    && fk.referencedSchema == rel.schema && fk.referencedTable == rel.name
                let rightIsParent = fk.referencedSchema == rightRel.schema && fk.referencedTable == rightRel.name
                    && fk.schema == rel.schema && fk.table == rel.name
                if rightIsChild {
                    c.addLiteral(.join, text: condition(right.qualifier, fk.columns, ref.qualifier, fk.referencedColumns, and: and),
                                 match: right.qualifier, rank: rank, subrank: left.count - i)
                } else if rightIsParent {
                    c.addLiteral(.join, text: condition(right.qualifier, fk.referencedColumns, ref.qualifier, fk.columns, and: and),
                                 match: right.qualifier, rank: rank, subrank: left.count - i)
                }
            }
        }
    }

    /// Conditions by name: columns the joined reference (a table, function, CTE) shares
    /// with one before it (`o.email = u.email`), ranked after every key.
    func addNameJoinConditions(right: TableReference, left: [TableReference], and: String, rank: Int, to c: inout CandidateCollector) {
        let rightColumns = columns(of: right)
        for (i, ref) in left.enumerated().reversed() {
            let leftNames = Set(columns(of: ref).map(\.name))
            for (k, col) in rightColumns.enumerated() where leftNames.contains(col.name) {
                c.addLiteral(.join, text: condition(right.qualifier, [col.name], ref.qualifier, [col.name], and: and),
                             match: right.qualifier, rank: rank, subrank: left.count + 1 + left.count - i, tiebreak: k)
            }
        }
    }

    // MARK: Commands, files

    func command(named typed: String) -> CompletionCommandInfo? {
        commands.first { $0.spellings.contains(typed) }
    }

    func addCommandArgument(_ typed: String, index: Int = 0, rank: Int, to c: inout CandidateCollector) {
        if Self.isPset(typed) { return addPsetArgument(index: index, rank: rank, to: &c) }
        guard let cmd = command(named: typed) else { return }
        switch cmd.argumentKind {
        case .none: return
        case .relation:
            // `:describe public.ord`: the part after the last dot is the word.
            if let dot = c.context.word.lastIndex(of: ".") {
                let schemaPart = String(c.context.word[..<dot])
                let schema = schemaPart.hasPrefix("\"") ? String(schemaPart.dropFirst().dropLast()) : schemaPart.lowercased()
                c.narrowWord(afterCharacters: c.context.word.distance(from: c.context.word.startIndex, to: dot) + 1)
                addRelations(schema: schema, rank: rank, to: &c)
                addFunctions(schema: schema, rank: rank + 1, to: &c)
            } else {
                addRelations(schema: nil, rank: rank, to: &c)
                addSchemas(rank: rank + 1, qualifying: true, to: &c)
                addFunctions(schema: nil, rank: rank + 2, to: &c)
            }
        case .format: add(.format, rank: rank, to: &c)
        case .file: add(.file, rank: rank, to: &c)
        case .database:
            add(.database, rank: rank, to: &c)
            // Words beside the databases (`:connect`'s connection profiles).
            for (i, w) in (cmd.words?.list(c.context.commandArguments ?? "") ?? []).enumerated() {
                c.addLiteral(.value, text: w, match: w, rank: rank, subrank: 0, tiebreak: i)
            }
        case .schema: addSchemas(rank: rank, to: &c)
        case .role: add(.role, rank: rank, to: &c)
        case .function:
            addFunctions(schema: nil, rank: rank, to: &c)
            addSchemas(rank: rank + 1, qualifying: true, to: &c)
        case .table, .view, .materializedView:
            let wanted: Set<MetadataSnapshot.RelationKind> = cmd.argumentKind == .table ? [.table, .partitionedTable, .foreignTable]
                : cmd.argumentKind == .view ? [.view] : [.materializedView]
            addRelations(schema: nil, kinds: wanted, rank: rank, to: &c)
            addSchemas(rank: rank + 1, qualifying: true, to: &c)
        case .index: addObjects(.index, table: nil, rank: rank, to: &c)
        case .sequence: addObjects(.sequence, table: nil, rank: rank, to: &c)
        case .extension: addObjects(.extension, table: nil, rank: rank, to: &c)
        case .datatype: addTypes(schema: nil, rank: rank, to: &c)
        case .words:
            let typed = c.context.commandArguments ?? ""
            for (i, w) in (cmd.words?.list(typed) ?? []).enumerated() {
                c.addLiteral(.value, text: w, match: w, rank: rank, subrank: 0, tiebreak: i)
            }
        case .variable:
            if index >= 1 {
                // `:set NAME ` → the values NAME takes.
                let name = CommandInvocationWords.first(c.context.commandArguments ?? "")
                for (i, v) in (SpecialVariables.values[name] ?? []).enumerated() {
                    c.addLiteral(.value, text: v, match: v, rank: rank, subrank: 0, tiebreak: i)
                }
                return
            }
            for v in variables { c.addLiteral(.variable, text: v, match: v, rank: rank, subrank: 0) }
            for v in SpecialVariables.values.keys.sorted() where !variables.contains(v) {
                c.addLiteral(.variable, text: v, match: v, rank: rank, subrank: 1)
            }
        case .command:
            for cmd in commands { c.addLiteral(.command, text: cmd.name, match: cmd.name, rank: rank, subrank: 0) }
        }
    }

    /// File names for a command argument. Files match case-sensitively and by
    /// prefix only (the path is typed as is); a name with a space or quote is
    /// written in single quotes (a directory's left open for the next Tab).
    func addFiles(rank: Int, to c: inout CandidateCollector) {
        let word = c.context.word
        let opened = word.hasPrefix("'") || word.hasPrefix("\"")
        let typed = opened ? String(word.dropFirst()).replacingEvery("''", with: "'") : word
        for (path, isDirectory) in files(matching: typed) {
            let needsQuotes = opened || path.contains { $0 == " " || $0 == "'" || $0 == "\"" || $0 == "\t" }
            let text = needsQuotes ? "'" + path.replacingEvery("'", with: "''") + (isDirectory ? "" : "'") : path
            c.addLiteral(.file, text: text, match: needsQuotes && opened ? text : path, rank: rank, subrank: isDirectory ? 0 : 1)
        }
    }
}

/// The first white-space separated word of a command's argument text.
enum CommandInvocationWords {
    static func first(_ text: String) -> String {
        String(text.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "")
    }
}

extension String {
    /// Doubles embedded double quotes, as a quoted identifier needs.
    func replacingQuotes() -> String {
        var out = ""
        for ch in self { out.append(ch); if ch == "\"" { out.append("\"") } }
        return out
    }
}
