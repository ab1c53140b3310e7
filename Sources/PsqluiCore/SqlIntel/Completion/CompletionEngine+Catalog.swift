import FoundationEssentials

/// Candidates for the kinds completed by name only (indexes, constraints,
/// settings, enum labels, …), for `*` expansion and for SQL file literals.
extension CompletionEngine {
    static func candidateKind(_ kind: CatalogObjectKind) -> CompletionCandidate.Kind {
        switch kind {
        case .constraint: return .constraint
        case .index: return .index
        case .sequence: return .sequence
        case .trigger: return .trigger
        case .policy: return .policy
        case .rule: return .rule
        case .extension, .availableExtension: return .extension
        case .tablespace: return .tablespace
        case .collation: return .collation
        }
    }

    /// Objects of `kind`: of `table` when given, else those in the search path's
    /// schemas (system ones only once `pg_` is typed) and schema-less ones.
    func addObjects(_ kind: CatalogObjectKind, table: TableReference?, rank: Int, to c: inout CandidateCollector) {
        let candidateKind = Self.candidateKind(kind)
        if let table, let name = table.name {
            guard let rel = snapshot.relation(schema: table.schema, name: name) else { return }
            for (i, o) in snapshot.objects(kind, schema: rel.schema, table: rel.name).enumerated() {
                c.add(candidateKind, name: o.name, rank: rank, subrank: 0, tiebreak: i)
            }
            return
        }
        let typedSystemPrefix = c.needle.starts(with: Array("pg_".utf8))
        let path = Set(snapshot.searchPath)
        for (i, o) in snapshot.objects(kind).enumerated() {
            let system = MetadataSnapshot.isSystemSchema(o.schema)
            guard o.schema.isEmpty || path.contains(o.schema) else { continue }
            if system && !typedSystemPrefix && kind != .collation { continue }
            c.add(candidateKind, name: o.name, detail: o.table.isEmpty ? nil : o.table, rank: rank, subrank: system ? 1 : 0, tiebreak: i)
        }
    }

    /// The tables that have an object of `kind` named `name` (`DROP TRIGGER t ON |`); in
    /// `schema` only when the user qualified the table (`ON public.|`).
    func addTables(having kind: CatalogObjectKind, named name: String, schema: String? = nil, rank: Int, to c: inout CandidateCollector) {
        if let schema {
            for o in snapshot.objects(kind) where o.name == name && !o.table.isEmpty && o.schema == schema {
                c.add(.table, name: o.table, rank: rank, subrank: 0)
            }
            return
        }
        for o in snapshot.objects(kind) where o.name == name && !o.table.isEmpty {
            let visible = snapshot.relation(schema: nil, name: o.table)?.schema == o.schema
            if visible { c.add(.table, name: o.table, rank: rank, subrank: 0) } else {
                c.addLiteral(.table, text: quoted(o.schema) + "." + quoted(o.table), match: o.table, rank: rank, subrank: 1)
            }
        }
    }

    /// Names looked up on demand, as identifiers (quoted where they need it); time zones
    /// and extension versions as string literals, matched after an opening quote.
    func addLookedUp(_ kind: CatalogLookupKind, rank: Int, to c: inout CandidateCollector) {
        guard let lookup else { return }
        let names = lookup(kind)
        let candidateKind = kind.candidateKind
        switch kind {
        case .timeZone, .extensionVersion:
            let opened = c.context.word.hasPrefix("'")
            for (i, name) in names.enumerated() {
                c.addLiteral(candidateKind, text: Self.literal(name), match: opened ? "'" + name : name, rank: rank, subrank: 0, tiebreak: i)
            }
        default:
            for (i, name) in names.enumerated() { c.add(candidateKind, name: name, rank: rank, subrank: 0, tiebreak: i) }
        }
    }

    /// A string literal: `'it''s'`.
    static func literal(_ s: String) -> String { "'" + s.replacingEvery("'", with: "''") + "'" }

    /// An enum's labels as quoted literals, matched case-sensitively after an optional opening quote.
    func addEnumLabels(_ type: TableReference, rank: Int, to c: inout CandidateCollector) {
        guard let name = type.name, let t = snapshot.type(schema: type.schema, name: name) else { return }
        let typed = c.context.word.hasPrefix("'") ? String(c.context.word.dropFirst()) : c.context.word
        for (i, label) in t.enumLabels.enumerated() where label.hasPrefix(typed) {
            c.addLiteral(.value, text: Self.literal(label), match: c.context.word, rank: rank, subrank: 0, tiebreak: i)
        }
    }

    func addSettings(rank: Int, to c: inout CandidateCollector) {
        for (i, s) in snapshot.settings.enumerated() {
            // Lower case, as psql offers them (the names are case-insensitive).
            let name = s.name.lowercased()
            c.addLiteral(.setting, text: name, match: name, rank: rank, subrank: 0, tiebreak: i)
        }
    }

    /// The words `DateStyle` is made of: an output style and a field order.
    static let dateStyles = ["ISO", "SQL", "Postgres", "German", "YMD", "DMY", "MDY", "US", "European", "NonEuropean"]

    /// What `SET name TO` accepts: schemas for search_path, enum values, on/off.
    func addSettingValues(_ name: String, rank: Int, to c: inout CandidateCollector) {
        switch name.lowercased() {
        case "search_path":
            addSchemas(rank: rank, to: &c)
            return
        case "schema":
            // `SET SCHEMA 'name'` takes a string literal.
            for (i, schema) in snapshot.schemas.enumerated() where !MetadataSnapshot.isSystemSchema(schema.name) {
                c.addLiteral(.schema, text: Self.literal(schema.name), match: schema.name, rank: rank, subrank: 0, tiebreak: i)
            }
            return
        case "default_tablespace", "temp_tablespaces":
            addObjects(.tablespace, table: nil, rank: rank, to: &c)
            return
        case "timezone", "log_timezone":
            addLookedUp(.timeZone, rank: rank, to: &c)
            return
        case "datestyle":
            // A free-form list of these words (the server's documented styles and orders).
            for (i, v) in Self.dateStyles.enumerated() { c.addLiteral(.value, text: v, match: v, rank: rank, subrank: 0, tiebreak: i) }
            return
        default: break
        }
        guard let s = snapshot.setting(named: name) else { return }
        let values = s.type == "bool" ? ["on", "off"] : s.values
        let opened = c.context.word.hasPrefix("'")
        for (i, v) in values.enumerated() {
            let simple = !opened && !v.isEmpty && v.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: "_") }
            c.addLiteral(.value, text: simple ? v : Self.literal(v), match: opened ? "'" + v : v, rank: rank, subrank: 0, tiebreak: i)
        }
    }

    /// `*` → `id, name, …` (or `o.id, o.customer_id, …`): one candidate replacing the star.
    func addExpansion(_ tables: [TableReference], qualified: Bool, rank: Int, to c: inout CandidateCollector) {
        var parts: [String] = []
        for ref in tables {
            for col in columns(of: ref) {
                parts.append(qualified && !ref.qualifier.isEmpty ? quoted(ref.qualifier) + "." + quoted(col.name) : quoted(col.name))
            }
        }
        guard !parts.isEmpty else { return }
        // Matched on the typed word as the collector holds it (a quoted qualifier loses its opening quote there).
        c.addLiteral(.expansion, text: parts.joined(separator: ", "), match: String(decoding: c.needle, as: UTF8.self), rank: rank, subrank: 0)
    }

    /// `INSERT INTO t (*` → `a, b, …`: the columns the catalog says take a value (asked of
    /// the connection), or without one to ask every column the snapshot knows.
    func addInsertColumns(_ table: TableReference, rank: Int, to c: inout CandidateCollector) {
        var names: [String] = []
        if table.source == .relation, let name = table.name, let lookup {
            names = lookup(.insertColumns(schema: table.schema, table: name))
        }
        if names.isEmpty { names = columns(of: table).map(\.name) }
        guard !names.isEmpty else { return }
        c.addLiteral(.expansion, text: names.map(quoted).joined(separator: ", "), match: String(decoding: c.needle, as: UTF8.self),
                     rank: rank, subrank: 0)
    }

    /// File names for a SQL string (`COPY t FROM '/tmp/da`): inside single quotes,
    /// a directory left open so that Tab goes on into it.
    func addQuotedFiles(rank: Int, to c: inout CandidateCollector) {
        let word = c.context.word
        let typed = word.hasPrefix("'") ? String(word.dropFirst()) : word
        for (name, isDirectory) in files(matching: typed) {
            let text = "'" + name.replacingEvery("'", with: "''") + (isDirectory ? "" : "'")
            c.addLiteral(.file, text: text, match: word.hasPrefix("'") ? "'" + name : name, rank: rank, subrank: isDirectory ? 0 : 1)
        }
    }

    /// Entries of the directory `typed` names that start with its last part, as
    /// paths in the form typed (`~/` kept, listed in the home directory).
    func files(matching typed: String) -> [(String, Bool)] {
        let slash = typed.lastIndex(of: "/")
        let directory = slash.map { String(typed[...$0]) } ?? ""
        let namePrefix = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let listed = directory.isEmpty ? "." : directory  // the lister expands `~/`
        var out: [(String, Bool)] = []
        for entry in listDirectory(listed) where entry.name.hasPrefix(namePrefix) {
            if entry.name.hasPrefix(".") && !namePrefix.hasPrefix(".") { continue }
            out.append((directory + entry.name + (entry.isDirectory ? "/" : ""), entry.isDirectory))
        }
        return out
    }
}
