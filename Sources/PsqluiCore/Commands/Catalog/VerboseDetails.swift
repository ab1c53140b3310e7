import PsqluiPluginAPI

/// The `+` forms that describe each matching object in tables of its own instead of
/// listing them (psql 15): `\dF+` (a configuration's token mappings), `\dFp+` (a
/// parser's methods and token types) and `\dRp+` (a publication's flags, tables and
/// schemas). Nothing matching is psql's "Did not find any …" error (silent under QUIET).
enum VerboseDetails {
    /// Describes the objects matching `pattern`; nil when nothing matched.
    typealias Describer = @Sendable (_ pattern: String?, _ serverVersion: Int, _ service: QueryService) async throws -> [CatalogTable]?

    /// The describer of listing `name`, nil when its `+` form is a plain listing.
    static func describer(for name: String) -> (describe: Describer, noun: String, plural: String)? {
        switch name {
        case "tsconfigs": return (tsConfigurations, "text search configuration", "text search configurations")
        case "tsparsers": return (tsParsers, "text search parser", "text search parsers")
        case "publications": return (publications, "publication", "publications")
        default: return nil
        }
    }

    /// Runs the describer of `name` and shows its tables; false when it has none.
    static func show(_ name: String, pattern: String?, serverVersion: Int, context: CommandContext) async throws -> Bool {
        guard let d = describer(for: name) else { return false }
        guard let tables = try await d.describe(pattern, serverVersion, context.session) else {
            if !CatalogCommands.quiet(context) {
                context.writeError(pattern.map { "Did not find any \(d.noun) named \"\($0)\"." } ?? "Did not find any \(d.plural).")
            }
            throw CatalogCommandFailed()
        }
        let settings = CatalogCommands.settings(context)
        try await context.show(TextPane(title: d.plural, lines: tables.flatMap { $0.render(settings: settings) }))
        return true
    }

    static func text(_ columns: String...) -> [ColumnInfo] { columns.map { ColumnInfo(name: $0, typeOID: TypeOID.text) } }

    /// `\dF+`: per configuration, its parser and each token type's dictionaries.
    static let tsConfigurations: Describer = { pattern, _, service in
        let conditions = try SQLNamePattern.conditions(pattern, schema: "n.nspname", name: "c.cfgname",
                                                       visibility: "pg_catalog.pg_ts_config_is_visible(c.oid)")
        let found = try await service.query("""
            SELECT c.oid, c.cfgname, n.nspname, p.prsname, np.nspname
            FROM pg_catalog.pg_ts_config c
               LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.cfgnamespace,
             pg_catalog.pg_ts_parser p
               LEFT JOIN pg_catalog.pg_namespace np ON np.oid = p.prsnamespace
            WHERE p.oid = c.cfgparser

            """ + conditions.map { "  AND " + $0 + "\n" }.joined() + "ORDER BY 3, 2;")
        guard !found.rows.isEmpty else { return nil }
        var tables: [CatalogTable] = []
        for v in found.rows {
            let mapping = try await service.query("""
                SELECT
                  (SELECT t.alias FROM pg_catalog.ts_token_type(c.cfgparser) AS t WHERE t.tokid = m.maptokentype) AS "Token",
                  pg_catalog.btrim(
                    ARRAY(SELECT mm.mapdict::pg_catalog.regdictionary
                          FROM pg_catalog.pg_ts_config_map AS mm
                          WHERE mm.mapcfg = m.mapcfg AND mm.maptokentype = m.maptokentype
                          ORDER BY mapcfg, maptokentype, mapseqno)::pg_catalog.text,
                    '{}') AS "Dictionaries"
                FROM pg_catalog.pg_ts_config AS c, pg_catalog.pg_ts_config_map AS m
                WHERE c.oid = \(RelationDescriber.quoted(v[0] ?? "0")) AND m.mapcfg = c.oid
                GROUP BY m.mapcfg, m.maptokentype, c.cfgparser
                ORDER BY 1;
                """)
            let title = "Text search configuration \(qualified(v[2], v[1]))\nParser: \(qualified(v[4], v[3]))"
            tables.append(CatalogTable(title: title, result: mapping, footers: []))
        }
        return tables
    }

    /// `\dFp+`: per parser, its method functions and its token types.
    static let tsParsers: Describer = { pattern, _, service in
        let conditions = try SQLNamePattern.conditions(pattern, schema: "n.nspname", name: "p.prsname",
                                                       visibility: "pg_catalog.pg_ts_parser_is_visible(p.oid)")
        let found = try await service.query("""
            SELECT p.oid, n.nspname, p.prsname
            FROM pg_catalog.pg_ts_parser p
            LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.prsnamespace

            """ + CatalogListingSQL.whereClause(conditions) + "ORDER BY 1, 2;")
        guard !found.rows.isEmpty else { return nil }
        var tables: [CatalogTable] = []
        for v in found.rows {
            let oid = RelationDescriber.quoted(v[0] ?? "0")
            let methods = [("Start parse", "prsstart"), ("Get next token", "prstoken"), ("End parse", "prsend"),
                           ("Get headline", "prsheadline"), ("Get token types", "prslextype")]
            let methodSQL = methods.map { label, column in
                "SELECT '\(label)' AS \"Method\", p.\(column)::pg_catalog.regproc AS \"Function\",\n"
                    + "  pg_catalog.obj_description(p.\(column), 'pg_proc') AS \"Description\"\n"
                    + "FROM pg_catalog.pg_ts_parser p WHERE p.oid = \(oid)"
            }.joined(separator: "\nUNION ALL\n") + ";"
            let name = qualified(v[1], v[2])
            tables.append(CatalogTable(title: "Text search parser \(name)", result: try await service.query(methodSQL), footers: []))
            let tokens = try await service.query("""
                SELECT t.alias AS "Token name", t.description AS "Description"
                FROM pg_catalog.ts_token_type(\(oid)::pg_catalog.oid) AS t
                ORDER BY 1;
                """)
            tables.append(CatalogTable(title: "Token types for parser \(name)", result: tokens))
        }
        return tables
    }

    /// `\dRp+`: per publication, its flags, then its tables (with column lists and
    /// row filters) and schemas unless it publishes all tables.
    static let publications: Describer = { pattern, version, service in
        let conditions = try SQLNamePattern.conditions(pattern, schema: nil, name: "pubname", visibility: nil, maxParts: 1)
        let viaRoot = version >= 130000
        let found = try await service.query("""
            SELECT oid, pubname, pg_catalog.pg_get_userbyid(pubowner) AS owner,
              puballtables, pubinsert, pubupdate, pubdelete, pubtruncate\(viaRoot ? ", pubviaroot" : "")
            FROM pg_catalog.pg_publication

            """ + CatalogListingSQL.whereClause(conditions) + "ORDER BY 2;")
        guard !found.rows.isEmpty else { return nil }
        var tables: [CatalogTable] = []
        for v in found.rows {
            let oid = RelationDescriber.quoted(v[0] ?? "0")
            var footers: [String] = []
            if v[3] != "t" {
                let filters = version >= 150000
                // Row filters and column lists came in 15.
                let extra = filters ? """
                    , pg_catalog.pg_get_expr(pr.prqual, c.oid),
                      CASE WHEN pr.prattrs IS NOT NULL THEN
                        pg_catalog.array_to_string(ARRAY(
                          SELECT attname FROM pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s,
                            pg_catalog.pg_attribute
                          WHERE attrelid = c.oid AND attnum = prattrs[s]), ', ')
                      END
                    """ : ", NULL, NULL"
                let rels = try await service.query("""
                    SELECT n.nspname, c.relname\(extra)
                    FROM pg_catalog.pg_class c, pg_catalog.pg_namespace n, pg_catalog.pg_publication_rel pr
                    WHERE c.relnamespace = n.oid AND c.oid = pr.prrelid AND pr.prpubid = \(oid)
                    ORDER BY 1, 2;
                    """)
                if !rels.rows.isEmpty {
                    footers.append("Tables:")
                    for r in rels.rows {
                        var line = "    \"\(r[0] ?? "").\(r[1] ?? "")\""
                        if let columns = r[3] { line += " (\(columns))" }
                        if let qual = r[2] { line += " WHERE \(qual)" }
                        footers.append(line)
                    }
                }
                if filters {
                    let schemas = try await service.query("""
                        SELECT n.nspname
                        FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_publication_namespace pn ON n.oid = pn.pnnspid
                        WHERE pn.pnpubid = \(oid)
                        ORDER BY 1;
                        """)
                    if !schemas.rows.isEmpty { footers += ["Tables from schemas:"] + schemas.rows.map { "    \"\($0[0] ?? "")\"" } }
                }
            }
            var columns = text("Owner", "All tables", "Inserts", "Updates", "Deletes", "Truncates")
            if viaRoot { columns += text("Via root") }
            tables.append(CatalogTable(title: "Publication \(v[1] ?? "")", columns: columns, rows: [Array(v.dropFirst(2))],
                                       footers: footers.isEmpty ? nil : footers))
        }
        return tables
    }

    /// `"schema.name"` as psql names an object in these titles.
    static func qualified(_ schema: String?, _ name: String?) -> String { "\"\(schema ?? "").\(name ?? "")\"" }
}
