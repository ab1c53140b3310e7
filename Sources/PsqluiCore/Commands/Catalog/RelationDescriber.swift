import FoundationEssentials
import PsqluiPluginAPI

/// `\d NAME` / `:describe NAME`: psql's description of each matching table, view,
/// materialized view, index or sequence (columns, then footers: indexes, check and
/// foreign-key constraints, referenced-by, triggers; with `+` storage, compression,
/// statistics target, descriptions, view definition and access method).
public struct RelationDescriber: Sendable {
    /// Where the catalog queries run.
    public let service: QueryService
    /// `server_version_num` (catalog queries branch on it).
    public let serverVersion: Int
    /// `+`: more columns and footers.
    public let verbose: Bool

    /// psql's `HIDE_TABLEAM`: no "Access method:" footer.
    public let hideTableAM: Bool
    /// psql's `HIDE_TOAST_COMPRESSION`: no "Compression" column.
    public let hideCompression: Bool

    /// A describer running on `service`.
    public init(service: QueryService, serverVersion: Int, verbose: Bool, hideTableAM: Bool = false, hideCompression: Bool = false) {
        self.service = service
        self.serverVersion = serverVersion
        self.verbose = verbose
        self.hideTableAM = hideTableAM
        self.hideCompression = hideCompression
    }

    /// The relations matching `pattern` (oid, schema, name), as psql orders them.
    public static func matchSQL(pattern: String, system: Bool) throws -> String {
        let conditions = try SQLNamePattern.conditions(pattern, schema: "n.nspname", name: "c.relname",
                                                       visibility: "pg_catalog.pg_table_is_visible(c.oid)")
        return "SELECT c.oid,\n  n.nspname,\n  c.relname\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
            + CatalogListingSQL.whereClause(conditions) + "ORDER BY 2, 3;"
    }

    /// Describes every relation matching `pattern`; empty when none matches.
    public func describe(pattern: String, system: Bool = false) async throws -> [CatalogTable] {
        let matches = try await service.query(Self.matchSQL(pattern: pattern, system: system))
        var tables: [CatalogTable] = []
        for row in matches.rows {
            guard let oid = row[0], let schema = row[1], let name = row[2] else { continue }
            if let t = try await describeOne(oid: oid, schema: schema, name: name) { tables.append(t) }
        }
        return tables
    }

    static func quoted(_ s: String) -> String { "'" + s.replacingEvery("'", with: "''") + "'" }

    private func describeOne(oid: String, schema: String, name: String) async throws -> CatalogTable? {
        let info = try await service.query("""
            SELECT c.relkind, c.relpersistence, am.amname, c.relchecks, c.relhastriggers,
              c.relispartition, c.relrowsecurity, c.relforcerowsecurity, c.relreplident
            FROM pg_catalog.pg_class c LEFT JOIN pg_catalog.pg_am am ON (c.relam = am.oid)
            WHERE c.oid = \(Self.quoted(oid))
            """)
        guard let r = info.rows.first, let kind = r[0] else { return nil }
        let persistence = r[1] ?? "p"
        let accessMethod = r[2]
        let qualified = "\"\(schema).\(name)\""
        if kind == "S" { return try await sequence(oid: oid, title: "Sequence \(qualified)") }
        // psql: "Unlogged table", "Unlogged index", … (the kind in lower case).
        let unlogged = persistence == "u"
        func kindName(_ name: String) -> String { unlogged ? "Unlogged " + name.prefix(1).lowercased() + name.dropFirst() : name }
        let title: String
        switch kind {
        case "r": title = "\(kindName("Table")) \(qualified)"
        case "v": title = "View \(qualified)"
        case "m": title = "\(kindName("Materialized view")) \(qualified)"
        case "i": title = "\(kindName("Index")) \(qualified)"
        case "I": title = "\(kindName("Partitioned index")) \(qualified)"
        case "p": title = "\(kindName("Partitioned table")) \(qualified)"
        case "f": title = "Foreign table \(qualified)"
        case "c": title = "Composite type \(qualified)"
        case "t": title = "TOAST table \(qualified)"
        default: title = "?\(kind)? \(qualified)"
        }
        let isIndex = kind == "i" || kind == "I"
        let table = try await columns(oid: oid, kind: kind)
        var footers: [String] = []
        if isIndex {
            footers += try await indexFooter(oid: oid)
        } else if ["r", "p", "m", "f"].contains(kind) {
            let flags = TableFlags(isPartition: r[5] == "t", rowSecurity: r[6] == "t", forceRowSecurity: r[7] == "t",
                                   replicaIdentity: r[8] ?? "d", schema: schema)
            footers += try await partitionFooters(oid: oid, kind: kind, flags: flags)
            footers += try await tableFooters(oid: oid, kind: kind, flags: flags)
            if kind == "m", verbose { footers += try await viewDefinition(oid: oid) + viewRuleFooters(oid: oid) }
        } else if kind == "t" {
            // A TOAST table: its owner and its index (psql shows nothing else).
            let owner = try await service.query("""
                SELECT n.nspname, c.relname
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE reltoastrelid = \(Self.quoted(oid));
                """)
            if let v = owner.rows.first { footers.append("Owning table: \"\(v[0] ?? "").\(v[1] ?? "")\"") }
            footers += try await indexListFooters(oid: oid)
        } else if kind == "v" {
            if verbose { footers += try await viewDefinition(oid: oid) + viewRuleFooters(oid: oid) }
            footers += try await triggerFooters(oid: Self.quoted(oid))
        }
        if verbose, !hideTableAM, ["r", "p", "m", "t"].contains(kind), serverVersion >= 120000, let am = accessMethod {
            footers.append("Access method: \(am)")
        }
        return CatalogTable(title: title, columns: table.columns, rows: table.rows, footers: footers)
    }

    /// "View definition:" and the query, for `\d+` of a view or materialized view.
    private func viewDefinition(oid: String) async throws -> [String] {
        let def = try await service.query("SELECT pg_catalog.pg_get_viewdef(\(Self.quoted(oid))::pg_catalog.oid, true);")
        guard let text = def.rows.first?[0] else { return [] }
        return ["View definition:"] + text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// A view's rules other than its `_RETURN` (psql: after the definition, one space in).
    private func viewRuleFooters(oid: String) async throws -> [String] {
        let r = try await service.query("""
            SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true))
            FROM pg_catalog.pg_rewrite r
            WHERE r.ev_class = \(Self.quoted(oid)) AND r.rulename != '_RETURN' ORDER BY 1;
            """)
        guard !r.rows.isEmpty else { return [] }
        return ["Rules:"] + r.rows.map { " " + Self.ruleText($0[1]) }
    }

    /// A table's rules, grouped by how they fire (psql's headings), four spaces in.
    private func tableRuleFooters(oid q: String) async throws -> [String] {
        let r = try await service.query("""
            SELECT r.rulename, trim(trailing ';' from pg_catalog.pg_get_ruledef(r.oid, true)), ev_enabled
            FROM pg_catalog.pg_rewrite r
            WHERE r.ev_class = \(q) ORDER BY 1;
            """)
        var footers: [String] = []
        for (state, heading) in [("O", "Rules:"), ("D", "Disabled rules:"), ("A", "Rules firing always:"), ("R", "Rules firing on replica only:")] {
            let lines = r.rows.filter { $0[2] == state }.map { "    " + Self.ruleText($0[1]) }
            if !lines.isEmpty { footers += [heading] + lines }
        }
        return footers
    }

    /// A rule's definition without its leading `CREATE RULE `, as psql echoes it.
    static func ruleText(_ definition: String?) -> String {
        let text = definition ?? ""
        return text.hasPrefix("CREATE RULE ") ? String(text.dropFirst(12)) : text
    }

    /// The column grid: name, type, collation, nullable, default (indexes: key?, definition).
    private func columns(oid: String, kind: String) async throws -> (columns: [ColumnInfo], rows: [[String?]]) {
        let isIndex = kind == "i" || kind == "I"
        let hasCompression = verbose && !hideCompression && serverVersion >= 140000 && ["r", "p", "m"].contains(kind)
        let hasStats = verbose && ["r", "p", "m", "f", "i", "I"].contains(kind)
        // Collation, nullable, default and description: not for indexes and TOAST tables.
        let hasDetails = !isIndex && kind != "t"
        let hasDescription = verbose && hasDetails
        let sql = """
            SELECT a.attname,
              pg_catalog.format_type(a.atttypid, a.atttypmod),
              (SELECT pg_catalog.pg_get_expr(d.adbin, d.adrelid, true)
               FROM pg_catalog.pg_attrdef d
               WHERE d.adrelid = a.attrelid AND d.adnum = a.attnum AND a.atthasdef),
              a.attnotnull,
              (SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type t
               WHERE c.oid = a.attcollation AND t.oid = a.atttypid AND a.attcollation <> t.typcollation) AS attcollation,
              a.attidentity,
              a.attgenerated,
              \(isIndex ? "CASE WHEN a.attnum <= (SELECT i.indnkeyatts FROM pg_catalog.pg_index i WHERE i.indexrelid = \(Self.quoted(oid))) THEN 'yes' ELSE 'no' END" : "NULL"),
              \(isIndex ? "pg_catalog.pg_get_indexdef(a.attrelid, a.attnum, TRUE)" : "NULL"),
              a.attstorage,
              \(hasCompression ? "a.attcompression" : "NULL"),
              \(hasStats ? (serverVersion >= 170000 ? "a.attstattarget" : "CASE WHEN a.attstattarget = -1 THEN NULL ELSE a.attstattarget END") : "NULL"),
              pg_catalog.col_description(a.attrelid, a.attnum),
              \(kind == "f" ? "CASE WHEN attfdwoptions IS NULL THEN '' ELSE '(' || pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_ident(option_name) || ' ' || pg_catalog.quote_literal(option_value) FROM pg_catalog.pg_options_to_table(attfdwoptions)), ', ') || ')' END" : "NULL")
            FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = \(Self.quoted(oid)) AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum;
            """
        let result = try await service.query(sql)
        var headers: [(String, UInt32)] = [("Column", TypeOID.text), ("Type", TypeOID.text)]
        if isIndex {
            headers += [("Key?", TypeOID.text), ("Definition", TypeOID.text)]
        } else if hasDetails {
            headers += [("Collation", TypeOID.text), ("Nullable", TypeOID.text), ("Default", TypeOID.text)]
            if kind == "f" { headers.append(("FDW options", TypeOID.text)) }
        }
        if verbose {
            headers.append(("Storage", TypeOID.text))
            if hasCompression { headers.append(("Compression", TypeOID.text)) }
            if hasStats { headers.append(("Stats target", TypeOID.text)) }  // psql left-aligns every \d column
            if hasDescription { headers.append(("Description", TypeOID.text)) }
        }
        var rows: [[String?]] = []
        for r in result.rows {
            var row: [String?] = [r[0] ?? "", r[1] ?? ""]
            if isIndex {
                row += [r[7] ?? "", r[8] ?? ""]
            } else if hasDetails {
                row.append(r[4] ?? "")
                row.append(r[3] == "t" ? "not null" : "")
                row.append(Self.defaultText(expression: r[2], identity: r[5] ?? "", generated: r[6] ?? ""))
                if kind == "f" { row.append(r[13] ?? "") }
            }
            if verbose {
                row.append(Self.storageName(r[9] ?? ""))
                if hasCompression { row.append(r[10] == "p" ? "pglz" : r[10] == "l" ? "lz4" : "") }
                if hasStats { row.append(r[11] ?? "") }
                if hasDescription { row.append(r[12] ?? "") }
            }
            rows.append(row)
        }
        return (headers.map { ColumnInfo(name: $0.0, typeOID: $0.1) }, rows)
    }

    /// The "Default" cell: identity and generated columns are spelled out.
    static func defaultText(expression: String?, identity: String, generated: String) -> String {
        switch identity {
        case "a": return "generated always as identity"
        case "d": return "generated by default as identity"
        default: break
        }
        if generated == "s" { return "generated always as (\(expression ?? "")) stored" }
        return expression ?? ""
    }

    static func storageName(_ code: String) -> String {
        switch code {
        case "p": return "plain"
        case "m": return "main"
        case "x": return "extended"
        case "e": return "external"
        default: return "???"
        }
    }

    private func indexFooter(oid: String) async throws -> [String] {
        let r = try await service.query("""
            SELECT i.indisunique, i.indisprimary, i.indisclustered, i.indisvalid,
              (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                WHERE conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferrable) AS condeferrable,
              (NOT i.indimmediate) AND EXISTS (SELECT 1 FROM pg_catalog.pg_constraint
                WHERE conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x') AND condeferred) AS condeferred,
              i.indisreplident, \(serverVersion >= 150000 ? "i.indnullsnotdistinct" : "false"),
              a.amname, c2.relname, pg_catalog.pg_get_expr(i.indpred, i.indrelid, true), n.nspname
            FROM pg_catalog.pg_index i, pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_am a, pg_catalog.pg_namespace n
            WHERE i.indexrelid = c.oid AND c.oid = \(Self.quoted(oid)) AND c.relam = a.oid
            AND i.indrelid = c2.oid AND c2.relnamespace = n.oid;
            """)
        guard let v = r.rows.first else { return [] }
        var text = ""
        if v[1] == "t" { text += "primary key, " } else if v[0] == "t" {
            text += "unique"
            if v[7] == "t" { text += " nulls not distinct" }
            text += ", "
        }
        text += "\(v[8] ?? ""), for table \"\(v[11] ?? "").\(v[9] ?? "")\""
        if let pred = v[10], !pred.isEmpty { text += ", predicate (\(pred))" }
        if v[2] == "t" { text += ", clustered" }
        if v[3] != "t" { text += ", invalid" }
        if v[4] == "t" { text += ", deferrable" }
        if v[5] == "t" { text += ", initially deferred" }
        if v[6] == "t" { text += ", replica identity" }
        return [text]
    }

    /// What the footers of a table depend on besides its kind.
    struct TableFlags {
        var isPartition: Bool
        var rowSecurity: Bool
        var forceRowSecurity: Bool
        var replicaIdentity: String
        var schema: String
    }

    /// "Partition of:" (and with `+` its constraint) and "Partition key:", right after
    /// the columns as in psql.
    private func partitionFooters(oid: String, kind: String, flags: TableFlags) async throws -> [String] {
        let q = Self.quoted(oid)
        var footers: [String] = []
        if flags.isPartition {
            let r = try await service.query("""
                SELECT inhparent::pg_catalog.regclass, pg_catalog.pg_get_expr(c.relpartbound, c.oid), inhdetachpending,
                  pg_catalog.pg_get_partition_constraintdef(c.oid)
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_inherits i ON c.oid = inhrelid
                WHERE c.oid = \(q);
                """)
            if let v = r.rows.first {
                footers.append("Partition of: \(v[0] ?? "") \(v[1] ?? "")\(v[2] == "t" ? " DETACH PENDING" : "")")
                if verbose {
                    if let constraint = v[3], !constraint.isEmpty { footers.append("Partition constraint: \(constraint)") } else {
                        footers.append("No partition constraint")
                    }
                }
            }
        }
        if kind == "p" {
            let r = try await service.query("SELECT pg_catalog.pg_get_partkeydef(\(q)::pg_catalog.oid);")
            if let key = r.rows.first?[0] { footers.append("Partition key: \(key)") }
        }
        return footers
    }

    /// "Policies…" headed by the row-security state, one policy per entry.
    private func policyFooters(oid q: String, flags: TableFlags) async throws -> [String] {
        let r = try await service.query("""
            SELECT pol.polname, pol.polpermissive,
              CASE WHEN pol.polroles = '{0}' THEN NULL ELSE pg_catalog.array_to_string(array(select rolname from pg_catalog.pg_roles where oid = any (pol.polroles) order by 1),',') END,
              pg_catalog.pg_get_expr(pol.polqual, pol.polrelid),
              pg_catalog.pg_get_expr(pol.polwithcheck, pol.polrelid),
              CASE pol.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' END AS cmd
            FROM pg_catalog.pg_policy pol
            WHERE pol.polrelid = \(q) ORDER BY 1;
            """)
        var footers: [String] = []
        switch (flags.rowSecurity, flags.forceRowSecurity, r.rows.isEmpty) {
        case (true, false, false): footers.append("Policies:")
        case (true, true, false): footers.append("Policies (forced row security enabled):")
        case (true, false, true): footers.append("Policies (row security enabled): (none)")
        case (true, true, true): footers.append("Policies (forced row security enabled): (none)")
        case (false, _, false): footers.append("Policies (row security disabled):")
        case (false, _, true): break
        }
        for v in r.rows {
            var line = "    POLICY \"\(v[0] ?? "")\""
            if v[1] == "f" { line += " AS RESTRICTIVE" }
            if let cmd = v[5] { line += " FOR \(cmd)" }
            footers.append(line)
            if let roles = v[2] { footers.append("      TO \(roles)") }
            if let qual = v[3] { footers.append("      USING (\(qual))") }
            if let check = v[4] { footers.append("      WITH CHECK (\(check))") }
        }
        return footers
    }

    /// "Statistics objects:" with their kinds when not all are built.
    private func statisticsFooters(oid q: String) async throws -> [String] {
        let r = try await service.query("""
            SELECT oid, stxrelid::pg_catalog.regclass, stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS nsp, stxname,
              pg_catalog.pg_get_statisticsobjdef_columns(oid) AS columns,
              'd' = any(stxkind) AS ndist_enabled, 'f' = any(stxkind) AS deps_enabled, 'm' = any(stxkind) AS mcv_enabled,
              stxstattarget
            FROM pg_catalog.pg_statistic_ext
            WHERE stxrelid = \(q)
            ORDER BY nsp, stxname;
            """)
        guard !r.rows.isEmpty else { return [] }
        var footers = ["Statistics objects:"]
        for v in r.rows {
            var line = "    \"\(v[2] ?? "").\(v[3] ?? "")\""
            let kinds = [(v[5], "ndistinct"), (v[6], "dependencies"), (v[7], "mcv")]
            let on = kinds.filter { $0.0 == "t" }.map(\.1)
            if !on.isEmpty && on.count < kinds.count { line += " (" + on.joined(separator: ", ") + ")" }
            line += " ON \(v[4] ?? "") FROM \(v[1] ?? "")"
            if let target = v[8], target != "-1" { line += "; STATISTICS \(target)" }
            footers.append(line)
        }
        return footers
    }

    /// "Publications:" the table is in (by schema, by name or all tables).
    private func publicationFooters(oid q: String) async throws -> [String] {
        guard serverVersion >= 150000 else { return [] }
        let r = try await service.query("""
            SELECT pubname, NULL, NULL
            FROM pg_catalog.pg_publication p
                 JOIN pg_catalog.pg_publication_namespace pn ON p.oid = pn.pnpubid
                 JOIN pg_catalog.pg_class pc ON pc.relnamespace = pn.pnnspid
            WHERE pc.oid = \(q) and pg_catalog.pg_relation_is_publishable(\(q))
            UNION
            SELECT pubname, pg_catalog.pg_get_expr(pr.prqual, c.oid),
              (CASE WHEN pr.prattrs IS NOT NULL THEN
                 (SELECT string_agg(attname, ', ')
                    FROM pg_catalog.generate_series(0, pg_catalog.array_upper(pr.prattrs::pg_catalog.int2[], 1)) s,
                         pg_catalog.pg_attribute
                   WHERE attrelid = pr.prrelid AND attnum = prattrs[s])
               ELSE NULL END)
            FROM pg_catalog.pg_publication p
                 JOIN pg_catalog.pg_publication_rel pr ON p.oid = pr.prpubid
                 JOIN pg_catalog.pg_class c ON c.oid = pr.prrelid
            WHERE pr.prrelid = \(q)
            UNION
            SELECT pubname, NULL, NULL
            FROM pg_catalog.pg_publication p
            WHERE p.puballtables AND pg_catalog.pg_relation_is_publishable(\(q))
            ORDER BY 1;
            """)
        guard !r.rows.isEmpty else { return [] }
        return ["Publications:"] + r.rows.map { v in
            "    \"\(v[0] ?? "")\"" + (v[2].map { " (\($0))" } ?? "") + (v[1].map { " WHERE \($0)" } ?? "")
        }
    }

    /// "Number of partitions/child tables" (with `+`: the list), psql's wording.
    private func childFooters(oid q: String, kind: String) async throws -> [String] {
        let r = try await service.query("""
            SELECT c.oid::pg_catalog.regclass, c.relkind, inhdetachpending, pg_catalog.pg_get_expr(c.relpartbound, c.oid)
            FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
            WHERE c.oid = i.inhrelid AND i.inhparent = \(q)
            ORDER BY pg_catalog.pg_get_expr(c.relpartbound, c.oid) = 'DEFAULT', c.oid::pg_catalog.regclass::pg_catalog.text;
            """)
        let partitioned = kind == "p"
        if partitioned && r.rows.isEmpty { return ["Number of partitions: 0"] }
        guard !r.rows.isEmpty else { return [] }
        if !verbose {
            return [partitioned ? "Number of partitions: \(r.rows.count) (Use \\d+ to list them.)"
                                : "Number of child tables: \(r.rows.count) (Use \\d+ to list them.)"]
        }
        let heading = partitioned ? "Partitions" : "Child tables"
        return r.rows.enumerated().map { i, v in
            var line = (i == 0 ? heading + ": " : String(repeating: " ", count: heading.count + 2)) + (v[0] ?? "")
            if let bound = v[3], !bound.isEmpty { line += " " + bound }
            // psql 15 marks partitioned partitions only (", FOREIGN" came in 16).
            if v[1] == "p" || v[1] == "I" { line += ", PARTITIONED" }
            if v[2] == "t" { line += " (DETACH PENDING)" }
            if i < r.rows.count - 1 { line += "," }
            return line
        }
    }

    /// "Indexes:", one line per index of the relation.
    private func indexListFooters(oid: String) async throws -> [String] {
        let q = Self.quoted(oid)
        let indexes = try await service.query("""
            SELECT c2.relname, i.indisprimary, i.indisunique, i.indisclustered, i.indisvalid, pg_catalog.pg_get_indexdef(i.indexrelid, 0, true),
              pg_catalog.pg_get_constraintdef(con.oid, true), contype, condeferrable, condeferred, i.indisreplident
            FROM pg_catalog.pg_class c, pg_catalog.pg_class c2, pg_catalog.pg_index i
              LEFT JOIN pg_catalog.pg_constraint con ON (conrelid = i.indrelid AND conindid = i.indexrelid AND contype IN ('p','u','x'))
            WHERE c.oid = \(q) AND c.oid = i.indrelid AND i.indexrelid = c2.oid
            ORDER BY i.indisprimary DESC, c2.relname;
            """)
        guard !indexes.rows.isEmpty else { return [] }
        return ["Indexes:"] + indexes.rows.map(Self.indexLine)
    }

    private func tableFooters(oid: String, kind: String, flags: TableFlags) async throws -> [String] {
        let q = Self.quoted(oid)
        var footers = try await indexListFooters(oid: oid)
        let checks = try await service.query("""
            SELECT r.conname, pg_catalog.pg_get_constraintdef(r.oid, true)
            FROM pg_catalog.pg_constraint r
            WHERE r.conrelid = \(q) AND r.contype = 'c'
            ORDER BY 1;
            """)
        if !checks.rows.isEmpty {
            footers.append("Check constraints:")
            for v in checks.rows { footers.append("    \"\(v[0] ?? "")\" \(v[1] ?? "")") }
        }
        let foreignKeys = try await service.query("""
            SELECT conname, pg_catalog.pg_get_constraintdef(r.oid, true)
            FROM pg_catalog.pg_constraint r
            WHERE r.conrelid = \(q) AND r.contype = 'f' AND conparentid = 0
            ORDER BY conname;
            """)
        if !foreignKeys.rows.isEmpty {
            footers.append("Foreign-key constraints:")
            for v in foreignKeys.rows { footers.append("    \"\(v[0] ?? "")\" \(v[1] ?? "")") }
        }
        let referencedBy = try await service.query("""
            SELECT conname, conrelid::pg_catalog.regclass AS ontable,
                   pg_catalog.pg_get_constraintdef(oid, true) AS condef
              FROM pg_catalog.pg_constraint c
             WHERE confrelid IN (SELECT pg_catalog.pg_partition_ancestors(\(q))
                                 UNION ALL VALUES (\(q)::pg_catalog.regclass))
                   AND contype = 'f' AND conparentid = 0
            ORDER BY conname;
            """)
        if !referencedBy.rows.isEmpty {
            footers.append("Referenced by:")
            for v in referencedBy.rows { footers.append("    TABLE \"\(v[1] ?? "")\" CONSTRAINT \"\(v[0] ?? "")\" \(v[2] ?? "")") }
        }
        footers += try await policyFooters(oid: q, flags: flags)
        footers += try await statisticsFooters(oid: q)
        if kind != "m" { footers += try await tableRuleFooters(oid: q) }
        footers += try await publicationFooters(oid: q)
        footers += try await triggerFooters(oid: q)
        if kind == "f" {
            let server = try await service.query("""
                SELECT s.srvname,
                  pg_catalog.array_to_string(ARRAY(
                    SELECT pg_catalog.quote_ident(option_name) || ' ' || pg_catalog.quote_literal(option_value)
                    FROM pg_catalog.pg_options_to_table(ftoptions)), ', ')
                FROM pg_catalog.pg_foreign_table f, pg_catalog.pg_foreign_server s
                WHERE f.ftrelid = \(q) AND s.oid = f.ftserver;
                """)
            if let v = server.rows.first {
                footers.append("Server: \(v[0] ?? "")")
                if let options = v[1], !options.isEmpty { footers.append("FDW options: (\(options))") }
            }
        }
        let parents = try await service.query("""
            SELECT c.oid::pg_catalog.regclass
            FROM pg_catalog.pg_class c, pg_catalog.pg_inherits i
            WHERE c.oid = i.inhparent AND i.inhrelid = \(q) AND c.relkind != 'p' AND c.relkind != 'I'
            ORDER BY inhseqno;
            """)
        for (i, v) in parents.rows.enumerated() {
            footers.append((i == 0 ? "Inherits: " : "          ") + (v[0] ?? "") + (i < parents.rows.count - 1 ? "," : ""))
        }
        footers += try await childFooters(oid: q, kind: kind)
        // psql shows a replica identity that is not the default (an index one is
        // marked on the index).
        let identity = flags.replicaIdentity
        if verbose, kind == "r" || kind == "m", identity != "i",
           (flags.schema != "pg_catalog" && identity != "d") || (flags.schema == "pg_catalog" && identity != "n") {
            footers.append("Replica Identity: " + (identity == "f" ? "FULL" : identity == "n" ? "NOTHING" : "???"))
        }
        return footers
    }

    /// One line under "Indexes:" (everything after `USING` in the definition).
    static func indexLine(_ v: [String?]) -> String {
        var line = "    \"\(v[0] ?? "")\""
        if v[7] == "x" {
            // An exclusion constraint shows its own definition (EXCLUDE USING gist (r WITH &&)).
            line += " " + (v[6] ?? "")
        } else {
            if v[1] == "t" {
                line += " PRIMARY KEY,"
            } else if v[2] == "t" {
                line += v[7] == "u" ? " UNIQUE CONSTRAINT," : " UNIQUE,"
            }
            var def = v[5] ?? ""
            if let range = def.firstRange(of: " USING ") { def = String(def[range.upperBound...]) }
            line += " " + def
            if v[8] == "t" { line += " DEFERRABLE" }
            if v[9] == "t" { line += " INITIALLY DEFERRED" }
        }
        if v[3] == "t" { line += " CLUSTER" }
        if v[4] != "t" { line += " INVALID" }
        if v[10] == "t" { line += " REPLICA IDENTITY" }
        return line
    }

    private func triggerFooters(oid q: String) async throws -> [String] {
        let r = try await service.query("""
            SELECT t.tgname, pg_catalog.pg_get_triggerdef(t.oid, true), t.tgenabled, t.tgisinternal
            FROM pg_catalog.pg_trigger t
            WHERE t.tgrelid = \(q) AND (NOT t.tgisinternal OR (t.tgisinternal AND t.tgenabled = 'D'))
            ORDER BY 1;
            """)
        var footers: [String] = []
        // (heading, tgenabled, internal?) in psql's order.
        let groups: [(String, String, Bool?)] = [
            ("Triggers:", "O", false), ("Disabled user triggers:", "D", false), ("Disabled internal triggers:", "D", true),
            ("Triggers firing always:", "A", nil), ("Triggers firing on replica only:", "R", nil),
        ]
        for (heading, state, wantsInternal) in groups {
            let lines = r.rows.filter { ($0[2] ?? "") == state && (wantsInternal == nil || wantsInternal == ($0[3] == "t")) }.map { v -> String in
                var def = v[1] ?? ""
                if let range = def.firstRange(of: " TRIGGER ") { def = String(def[range.upperBound...]) }
                return "    " + def
            }
            if !lines.isEmpty { footers.append(heading); footers += lines }
        }
        return footers
    }

    private func sequence(oid: String, title: String) async throws -> CatalogTable {
        let q = Self.quoted(oid)
        let r = try await service.query("""
            SELECT pg_catalog.format_type(seqtypid, NULL) AS "Type",
                   seqstart AS "Start", seqmin AS "Minimum", seqmax AS "Maximum", seqincrement AS "Increment",
                   CASE WHEN seqcycle THEN 'yes' ELSE 'no' END AS "Cycles?", seqcache AS "Cache"
            FROM pg_catalog.pg_sequence WHERE seqrelid = \(q);
            """)
        let owner = try await service.query("""
            SELECT pg_catalog.quote_ident(nspname) || '.' || pg_catalog.quote_ident(relname) || '.' || pg_catalog.quote_ident(attname),
                   d.deptype
            FROM pg_catalog.pg_class c
            INNER JOIN pg_catalog.pg_depend d ON c.oid = d.refobjid
            INNER JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            INNER JOIN pg_catalog.pg_attribute a ON (a.attrelid = c.oid AND a.attnum = d.refobjsubid)
            WHERE d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
             AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
             AND d.objid = \(q) AND d.deptype IN ('a', 'i');
            """)
        var footers: [String] = []
        if let o = owner.rows.first {
            footers.append((o[1] == "i" ? "Sequence for identity column: " : "Owned by: ") + (o[0] ?? ""))
        }
        return CatalogTable(title: title, result: r, footers: footers)
    }
}
