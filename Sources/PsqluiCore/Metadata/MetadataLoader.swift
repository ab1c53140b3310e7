import FoundationEssentials

/// Loads a `MetadataSnapshot` from the catalog in a fixed set of queries.
///
/// The SQL (per server version) and the row → snapshot building are pure
/// functions over `[[String?]]`, tested without a server; `load(using:)` runs
/// them on a session. Run it on the background metadata connection, never on
/// the user's session in the middle of their transaction.
public enum MetadataLoader {
    /// What each query reads; the rows of each come back in this shape.
    public enum Part: String, CaseIterable, Sendable {
        case schemas, relations, columns, functions, types, foreignKeys, roles, databases, keywords, searchPath, objects, settings
    }

    /// One catalog query.
    public struct Query: Sendable {
        public var part: Part
        public var sql: String
    }

    /// The queries for a server (`PQserverVersion`, e.g. 150004). Targets 12–17;
    /// older servers get the pre-11 `pg_proc` columns (no `prokind`).
    public static func queries(serverVersion: Int) -> [Query] {
        // `prokind` exists from 11; before that aggregates and window functions were flags.
        let prokind = serverVersion >= 110000
            ? "p.prokind"
            : "CASE WHEN p.proisagg THEN 'a' WHEN p.proiswindow THEN 'w' ELSE 'f' END"
        // Partitioned tables ('p') exist from 10; partitioned indexes are not relations here.
        let relkinds = serverVersion >= 100000 ? "'r','v','m','f','p'" : "'r','v','m','f'"
        return [
            Query(part: .schemas, sql: """
                SELECT n.nspname, d.description
                FROM pg_catalog.pg_namespace n
                LEFT JOIN pg_catalog.pg_description d
                  ON d.objoid = n.oid AND d.classoid = 'pg_catalog.pg_namespace'::pg_catalog.regclass AND d.objsubid = 0
                WHERE n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'
                ORDER BY 1
                """),
            Query(part: .relations, sql: """
                SELECT n.nspname, c.relname, c.relkind::text, d.description
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_description d
                  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = 0
                WHERE c.relkind IN (\(relkinds)) AND n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'
                ORDER BY 1, 2
                """),
            Query(part: .columns, sql: """
                SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), d.description
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_description d
                  ON d.objoid = c.oid AND d.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objsubid = a.attnum
                WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN (\(relkinds))
                  AND n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'
                ORDER BY 1, 2, a.attnum
                """),
            Query(part: .functions, sql: """
                SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid),
                       pg_catalog.pg_get_function_result(p.oid), \(prokind)::text, p.proretset::text,
                       d.description,
                       CASE WHEN p.proargmodes IS NOT NULL THEN pg_catalog.array_to_string(ARRAY(
                                SELECT u.n FROM unnest(p.proargnames, p.proargmodes) AS u(n, m)
                                WHERE u.m IN ('o', 'b', 't') AND u.n IS NOT NULL), chr(31))
                            WHEN rt.typrelid <> 0 THEN (SELECT pg_catalog.string_agg(a.attname, chr(31) ORDER BY a.attnum)
                                FROM pg_catalog.pg_attribute a WHERE a.attrelid = rt.typrelid AND a.attnum > 0 AND NOT a.attisdropped)
                       END
                FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                LEFT JOIN pg_catalog.pg_type rt ON rt.oid = p.prorettype
                LEFT JOIN pg_catalog.pg_description d
                  ON d.objoid = p.oid AND d.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objsubid = 0
                WHERE n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'
                ORDER BY 1, 2
                """),
            // As psql's \dT: no array types, no row types of ordinary relations. Both tests
            // are hashed subplans, not a lookup per type (100,000 tables have 300,000 types: 4 s → 0.3 s).
            Query(part: .types, sql: """
                SELECT n.nspname, t.typname, d.description, t.typtype::text,
                       CASE WHEN t.typtype = 'e' THEN pg_catalog.array_to_string(ARRAY(
                           SELECT e.enumlabel FROM pg_catalog.pg_enum e WHERE e.enumtypid = t.oid ORDER BY e.enumsortorder), chr(31)) END
                FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                LEFT JOIN pg_catalog.pg_description d
                  ON d.objoid = t.oid AND d.classoid = 'pg_catalog.pg_type'::pg_catalog.regclass AND d.objsubid = 0
                WHERE (t.typrelid = 0 OR t.typrelid IN (SELECT c.oid FROM pg_catalog.pg_class c WHERE c.relkind = 'c'))
                  AND t.oid NOT IN (SELECT el.typarray FROM pg_catalog.pg_type el WHERE el.typarray <> 0)
                  AND n.nspname !~ '^pg_toast' AND n.nspname !~ '^pg_temp_'
                ORDER BY 1, 2
                """),
            // One row per column pair, in key order.
            Query(part: .foreignKeys, sql: """
                SELECT con.oid::text, sn.nspname, sc.relname, sa.attname, tn.nspname, tc.relname, ta.attname
                FROM pg_catalog.pg_constraint con
                CROSS JOIN LATERAL unnest(con.conkey, con.confkey) WITH ORDINALITY AS k(src, dst, ord)
                JOIN pg_catalog.pg_class sc ON sc.oid = con.conrelid
                JOIN pg_catalog.pg_namespace sn ON sn.oid = sc.relnamespace
                JOIN pg_catalog.pg_attribute sa ON sa.attrelid = con.conrelid AND sa.attnum = k.src
                JOIN pg_catalog.pg_class tc ON tc.oid = con.confrelid
                JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
                JOIN pg_catalog.pg_attribute ta ON ta.attrelid = con.confrelid AND ta.attnum = k.dst
                WHERE con.contype = 'f'
                ORDER BY con.oid, k.ord
                """),
            Query(part: .roles, sql: "SELECT r.rolname FROM pg_catalog.pg_roles r ORDER BY 1"),
            Query(part: .databases, sql: "SELECT d.datname FROM pg_catalog.pg_database d WHERE d.datallowconn ORDER BY 1"),
            Query(part: .keywords, sql: "SELECT k.word, k.catcode::text FROM pg_catalog.pg_get_keywords() k ORDER BY 1"),
            Query(part: .searchPath, sql: "SELECT s FROM unnest(pg_catalog.current_schemas(true)) AS s"),
            // Everything completed by name only, in one round trip: kind, schema, table, name.
            Query(part: .objects, sql: """
                SELECT 'constraint', n.nspname, c.relname, con.conname
                FROM pg_catalog.pg_constraint con JOIN pg_catalog.pg_class c ON c.oid = con.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname !~ '^pg_toast'
                UNION ALL
                SELECT 'index', n.nspname, t.relname, i.relname
                FROM pg_catalog.pg_index x JOIN pg_catalog.pg_class i ON i.oid = x.indexrelid
                JOIN pg_catalog.pg_class t ON t.oid = x.indrelid JOIN pg_catalog.pg_namespace n ON n.oid = i.relnamespace
                WHERE n.nspname !~ '^pg_toast'
                UNION ALL
                SELECT 'sequence', n.nspname, '', c.relname
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'S'
                UNION ALL
                SELECT 'trigger', n.nspname, c.relname, tg.tgname
                FROM pg_catalog.pg_trigger tg JOIN pg_catalog.pg_class c ON c.oid = tg.tgrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE NOT tg.tgisinternal
                UNION ALL
                SELECT 'policy', n.nspname, c.relname, p.polname
                FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                UNION ALL
                SELECT 'rule', n.nspname, c.relname, r.rulename
                FROM pg_catalog.pg_rewrite r JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE r.rulename <> '_RETURN'
                UNION ALL
                SELECT 'extension', '', '', e.extname FROM pg_catalog.pg_extension e
                UNION ALL
                SELECT 'availableExtension', '', '', a.name FROM pg_catalog.pg_available_extensions a WHERE a.installed_version IS NULL
                UNION ALL
                SELECT 'tablespace', '', '', s.spcname FROM pg_catalog.pg_tablespace s
                UNION ALL
                SELECT 'collation', n.nspname, '', co.collname
                FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
                WHERE co.collencoding IN (-1, pg_catalog.pg_char_to_encoding(pg_catalog.getdatabaseencoding()))
                """),
            Query(part: .settings, sql: """
                SELECT s.name, s.vartype, pg_catalog.array_to_string(s.enumvals, chr(31)) FROM pg_catalog.pg_settings s ORDER BY 1
                """),
        ]
    }

    /// Builds a snapshot from the rows of each part (missing parts are empty).
    /// `deferred` parts (a disk cache's, `CatalogDiskCache.deferredParts`) are decoded when first needed.
    public static func build(_ rows: [Part: [[String?]]], deferred: [Part: @Sendable () -> [[String?]]] = [:],
                             annotations: [MetadataSnapshot.ObjectID: [String]] = [:],
                             columnStore: ColumnStore? = nil, fingerprint: String = "") -> MetadataSnapshot {
        func cell(_ row: [String?], _ i: Int) -> String? { i < row.count ? row[i] : nil }
        func text(_ row: [String?], _ i: Int) -> String { cell(row, i) ?? "" }

        let schemas = (rows[.schemas] ?? []).map { MetadataSnapshot.Schema(name: text($0, 0), comment: cell($0, 1)) }

        // Columns grouped by relation, in attnum order.
        var columns: [String: [MetadataSnapshot.Column]] = [:]
        for r in rows[.columns] ?? [] {
            columns[text(r, 0) + "\u{0}" + text(r, 1), default: []]
                .append(MetadataSnapshot.Column(name: text(r, 2), type: text(r, 3), comment: cell(r, 4)))
        }
        let relations: [MetadataSnapshot.Relation] = (rows[.relations] ?? []).compactMap { r in
            guard let kind = MetadataSnapshot.RelationKind(relkind: text(r, 2)) else { return nil }
            return MetadataSnapshot.Relation(schema: text(r, 0), name: text(r, 1), kind: kind,
                                             columns: columns[text(r, 0) + "\u{0}" + text(r, 1)] ?? [], comment: cell(r, 3))
        }
        let functions = (rows[.functions] ?? []).map { r in
            let result = text(r, 3)
            return MetadataSnapshot.Function(schema: text(r, 0), name: text(r, 1), arguments: text(r, 2), result: result,
                                             kind: MetadataSnapshot.FunctionKind(prokind: text(r, 4)),
                                             returnsSet: text(r, 5) == "true" || text(r, 5) == "t",
                                             resultColumns: cell(r, 7).map(list) ?? tableColumns(result), comment: cell(r, 6))
        }
        let types = (rows[.types] ?? []).map {
            MetadataSnapshot.DataType(schema: text($0, 0), name: text($0, 1), comment: cell($0, 2), kind: text($0, 3).first ?? "b",
                                      enumLabels: cell($0, 4).map(list) ?? [])
        }
        // Decoded on first use (CatalogObjectIndex): most completions never read them.
        let objectRows = rows[.objects] ?? []
        let decodeObjects = deferred[.objects]
        let objectIndex = CatalogObjectIndex {
            (decodeObjects?() ?? objectRows).compactMap { r in
                guard let kind = CatalogObjectKind(rawValue: text(r, 0)) else { return nil }
                return MetadataSnapshot.CatalogObject(kind: kind, schema: text(r, 1), table: text(r, 2), name: text(r, 3))
            }
        }
        let settings = (rows[.settings] ?? []).map {
            MetadataSnapshot.Setting(name: text($0, 0), type: text($0, 1), values: cell($0, 2).map(list) ?? [])
        }

        var foreignKeys: [MetadataSnapshot.ForeignKey] = []
        var currentOID: String?
        for r in rows[.foreignKeys] ?? [] {
            if text(r, 0) != currentOID || foreignKeys.isEmpty {
                currentOID = text(r, 0)
                foreignKeys.append(MetadataSnapshot.ForeignKey(schema: text(r, 1), table: text(r, 2), columns: [],
                                                               referencedSchema: text(r, 4), referencedTable: text(r, 5), referencedColumns: []))
            }
            foreignKeys[foreignKeys.count - 1].columns.append(text(r, 3))
            foreignKeys[foreignKeys.count - 1].referencedColumns.append(text(r, 6))
        }
        let keywords = (rows[.keywords] ?? []).map { MetadataSnapshot.Keyword(word: text($0, 0), category: text($0, 1).first ?? "U") }
        var searchPath = (rows[.searchPath] ?? []).compactMap { cell($0, 0) }
        if searchPath.isEmpty { searchPath = ["pg_catalog", "public"] }
        return MetadataSnapshot(schemas: schemas, relations: relations, functions: functions, types: types,
                                foreignKeys: foreignKeys, roles: (rows[.roles] ?? []).compactMap { cell($0, 0) },
                                databases: (rows[.databases] ?? []).compactMap { cell($0, 0) }, keywords: keywords,
                                searchPath: searchPath, annotations: annotations, objectIndex: objectIndex, settings: settings,
                                columnStore: columnStore, fingerprint: fingerprint)
    }

    /// A list the catalog queries join with chr(31).
    static func list(_ joined: String) -> [String] {
        joined.isEmpty ? [] : joined.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init)
    }

    /// Column names of a `TABLE(a integer, "b c" text)` result; [] for anything else.
    static func tableColumns(_ result: String) -> [String] {
        guard result.hasPrefix("TABLE("), result.hasSuffix(")") else { return [] }
        let inner = Array(result.utf8.dropFirst(6).dropLast())
        var names: [String] = []
        var depth = 0
        var inQuotes = false
        var itemStart = true
        var i = 0
        while i < inner.count {
            let c = inner[i]
            if itemStart && c == UInt8(ascii: " ") { i += 1; continue }
            if itemStart {
                itemStart = false
                // The name is the first token of the item, quoted or not.
                var name: [UInt8] = []
                if c == UInt8(ascii: "\"") {
                    i += 1
                    while i < inner.count {
                        if inner[i] == UInt8(ascii: "\"") {
                            if i + 1 < inner.count && inner[i + 1] == UInt8(ascii: "\"") { name.append(inner[i]); i += 2; continue }
                            break
                        }
                        name.append(inner[i]); i += 1
                    }
                } else {
                    while i < inner.count && inner[i] != UInt8(ascii: " ") { name.append(inner[i]); i += 1 }
                }
                names.append(String(decoding: name, as: UTF8.self))
                i += 1
                continue
            }
            if c == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes {
                if c == UInt8(ascii: "(") { depth += 1 }
                if c == UInt8(ascii: ")") { depth -= 1 }
                if c == UInt8(ascii: ",") && depth == 0 { itemStart = true }
            }
            i += 1
        }
        return names
    }

    /// Above this many relations the load leaves columns out: they are fetched per
    /// relation when completion first needs them (`ColumnStore`). Below it (10,000
    /// tables load in well under a second) every column comes with the load.
    public static let eagerColumnLimit = 20_000

    /// Runs the queries on `session` and returns their rows; `lazyColumns` is true
    /// when the catalog was too large to read its columns too. Blocks: call it off
    /// the cooperative pool, on the metadata connection.
    public static func loadRows(using session: PGSession, eagerColumnLimit: Int = MetadataLoader.eagerColumnLimit) throws
        -> (rows: [Part: [[String?]]], lazyColumns: Bool) {
        var rows: [Part: [[String?]]] = [:]
        var lazy = false
        for query in queries(serverVersion: session.serverVersion) {
            if query.part == .columns && (rows[.relations]?.count ?? 0) > eagerColumnLimit { lazy = true; continue }
            rows[query.part] = try session.query(query.sql).rows
        }
        return (rows, lazy)
    }

    /// Runs the queries on `session` and builds a snapshot (a large catalog's columns
    /// through `columnStore`). Blocks: call it off the cooperative pool, on the metadata connection.
    public static func load(using session: PGSession, columnStore: ColumnStore? = nil) throws -> MetadataSnapshot {
        let loaded = try loadRows(using: session)
        return build(loaded.rows, columnStore: loaded.lazyColumns ? columnStore : nil)
    }

    /// The columns of a few relations, as the `.columns` query reads them for all.
    public static func columnsQuery(for relations: [(schema: String, name: String)]) -> String {
        // E'' literals mean the same whatever standard_conforming_strings says.
        func literal(_ s: String) -> String {
            "E'" + s.replacingEvery("\\", with: "\\\\").replacingEvery("'", with: "''") + "'"
        }
        let values = relations.map { "(\(literal($0.schema)), \(literal($0.name)))" }.joined(separator: ", ")
        return """
            SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod),
                   pg_catalog.col_description(c.oid, a.attnum)
            FROM (VALUES \(values)) AS w(s, r)
            JOIN pg_catalog.pg_namespace n ON n.nspname = w.s
            JOIN pg_catalog.pg_class c ON c.relnamespace = n.oid AND c.relname = w.r
            JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
            WHERE a.attnum > 0 AND NOT a.attisdropped
            ORDER BY 1, 2, a.attnum
            """
    }

    /// Fetches the columns of `relations` on `session`, keyed as `ColumnStore` keys them.
    public static func fetchColumns(_ relations: [(schema: String, name: String)], using session: PGSession) throws
        -> [String: [MetadataSnapshot.Column]] {
        var out: [String: [MetadataSnapshot.Column]] = [:]
        guard !relations.isEmpty else { return out }
        for r in try session.query(columnsQuery(for: relations)).rows {
            out[ColumnStore.key(r[0] ?? "", r[1] ?? ""), default: []]
                .append(MetadataSnapshot.Column(name: r[2] ?? "", type: r[3] ?? "", comment: r[4]))
        }
        return out
    }
}
