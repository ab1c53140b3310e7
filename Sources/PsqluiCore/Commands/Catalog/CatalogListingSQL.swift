import FoundationEssentials
/// The SQL behind psql's listings (`\dt`, `\dn`, `\df`, …) as pure functions of the
/// pattern, the `+`/`S` modifiers and the server version (catalogs differ across
/// 12–17), producing the same rows and column names as psql.
public enum CatalogListingSQL {
    /// Which relation kinds a relation listing shows.
    public struct RelationKinds: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        public static let tables = RelationKinds(rawValue: 1)
        public static let views = RelationKinds(rawValue: 2)
        public static let materializedViews = RelationKinds(rawValue: 4)
        public static let indexes = RelationKinds(rawValue: 8)
        public static let sequences = RelationKinds(rawValue: 16)
        public static let foreignTables = RelationKinds(rawValue: 32)
        /// What `\d` with no pattern lists.
        public static let all: RelationKinds = [.tables, .views, .materializedViews, .sequences, .foreignTables]
    }

    static let relkindName = "CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'i' THEN 'index' WHEN 'S' THEN 'sequence' WHEN 't' THEN 'TOAST table' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END"

    static let hideSystemSchemas = ["n.nspname <> 'pg_catalog'", "n.nspname !~ '^pg_toast'", "n.nspname <> 'information_schema'"]

    /// The conditions psql indents by six spaces when they follow another one (where
    /// every other condition gets two): the default schema filter (`hideSystemSchemas`,
    /// `ObjectListingSQL.systemSchemas`) and `\dfn`'s exclusions.
    static let sixSpaceConditions: Set<String> = Set(hideSystemSchemas + functionKindTests.map { negated($0.1) })

    /// `WHERE a\n  AND b\n…` as psql writes it (its `-E` text is compared byte for byte).
    static func whereClause(_ conditions: [String]) -> String {
        guard let first = conditions.first else { return "" }
        return "WHERE " + first + "\n" + conditions.dropFirst().map {
            (sixSpaceConditions.contains($0) ? "      AND " : "  AND ") + $0 + "\n"
        }.joined()
    }

    /// `\dt \dv \dm \di \ds` (and `\d` with no pattern): "List of relations".
    public static func relations(_ kinds: RelationKinds, pattern: String?, verbose: Bool, system: Bool,
                                 serverVersion: Int, hideTableAM: Bool = false) throws -> String {
        var cols = [
            "n.nspname as \"Schema\"", "c.relname as \"Name\"", "\(relkindName) as \"Type\"",
            "pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\"",
        ]
        if kinds.contains(.indexes) { cols.append("c2.relname as \"Table\"") }
        let showAM = !hideTableAM && serverVersion >= 120000 && (kinds.contains(.tables) || kinds.contains(.materializedViews) || kinds.contains(.indexes))
        if verbose {
            cols.append("CASE c.relpersistence WHEN 'p' THEN 'permanent' WHEN 't' THEN 'temporary' WHEN 'u' THEN 'unlogged' END as \"Persistence\"")
            if showAM { cols.append("am.amname as \"Access method\"") }
            cols.append("pg_catalog.pg_size_pretty(pg_catalog.pg_table_size(c.oid)) as \"Size\"")
            cols.append("pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\"")
        }
        var sql = "SELECT " + cols.joined(separator: ",\n  ") + "\nFROM pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
        if showAM { sql += "     LEFT JOIN pg_catalog.pg_am am ON am.oid = c.relam\n" }
        if kinds.contains(.indexes) {
            sql += "     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid\n     LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid\n"
        }
        var relkinds: [String] = []
        if kinds.contains(.tables) {
            relkinds += ["'r'", "'p'"]
            if system || pattern != nil { relkinds.append("'t'") }
        }
        if kinds.contains(.views) { relkinds.append("'v'") }
        if kinds.contains(.materializedViews) { relkinds.append("'m'") }
        if kinds.contains(.indexes) { relkinds += ["'i'", "'I'"] }
        if kinds.contains(.sequences) { relkinds.append("'S'") }
        if system || pattern != nil { relkinds.append("'s'") }
        if kinds.contains(.foreignTables) { relkinds.append("'f'") }
        relkinds.append("''")
        var conditions = ["c.relkind IN (" + relkinds.joined(separator: ",") + ")"]
        if !system && pattern == nil { conditions += hideSystemSchemas }
        conditions += try SQLNamePattern.conditions(pattern, schema: "n.nspname", name: "c.relname",
                                                    visibility: "pg_catalog.pg_table_is_visible(c.oid)")
        return sql + whereClause(conditions) + "ORDER BY 1,2;"
    }

    /// `\dn`: "List of schemas".
    public static func schemas(pattern: String?, verbose: Bool, system: Bool, serverVersion: Int) throws -> String {
        var cols = ["n.nspname AS \"Name\"", "pg_catalog.pg_get_userbyid(n.nspowner) AS \"Owner\""]
        if verbose {
            cols.append("pg_catalog.array_to_string(n.nspacl, E'\\n') AS \"Access privileges\"")
            cols.append("pg_catalog.obj_description(n.oid, 'pg_namespace') AS \"Description\"")
        }
        var conditions: [String] = []
        if !system && pattern == nil { conditions.append("n.nspname !~ '^pg_' AND n.nspname <> 'information_schema'") }
        conditions += try SQLNamePattern.conditions(pattern, schema: nil, name: "n.nspname", visibility: nil, maxParts: 2)
        return "SELECT " + cols.joined(separator: ",\n  ") + "\nFROM pg_catalog.pg_namespace n\n" + whereClause(conditions) + "ORDER BY 1;"
    }

    /// `\df`: "List of functions". `kinds` are psql's letters after `\df` (`a` aggregates,
    /// `n` normal, `p` procedures, `t` trigger functions, `w` window functions; none: all);
    /// `argumentTypes` the patterns after the name pattern, one per argument
    /// (`ArgumentTypePatterns`).
    public static func functions(pattern: String?, verbose: Bool, system: Bool, serverVersion: Int,
                                 kinds: Set<Character> = [], argumentTypes: [String] = [], currentDatabase: String = "") throws -> String {
        let cols = [
            "n.nspname as \"Schema\"", "p.proname as \"Name\"",
            "pg_catalog.pg_get_function_result(p.oid) as \"Result data type\"",
            "pg_catalog.pg_get_function_arguments(p.oid) as \"Argument data types\"",
        ]
        // From the Type column on, psql's text indents each column by one space.
        var tail = ["CASE p.prokind\n  WHEN 'a' THEN 'agg'\n  WHEN 'w' THEN 'window'\n  WHEN 'p' THEN 'proc'\n  ELSE 'func'\n END as \"Type\""]
        if verbose {
            tail += [
                "CASE\n  WHEN p.provolatile = 'i' THEN 'immutable'\n  WHEN p.provolatile = 's' THEN 'stable'\n  WHEN p.provolatile = 'v' THEN 'volatile'\n END as \"Volatility\"",
                "CASE\n  WHEN p.proparallel = 'r' THEN 'restricted'\n  WHEN p.proparallel = 's' THEN 'safe'\n  WHEN p.proparallel = 'u' THEN 'unsafe'\n END as \"Parallel\"",
                "pg_catalog.pg_get_userbyid(p.proowner) as \"Owner\"",
                "CASE WHEN prosecdef THEN 'definer' ELSE 'invoker' END AS \"Security\"",
                "pg_catalog.array_to_string(p.proacl, E'\\n') AS \"Access privileges\"",
                "l.lanname as \"Language\"",
                // SQL-standard bodies (14+) are shown as their text, as psql 15 does.
                serverVersion >= 140000 ? "COALESCE(pg_catalog.pg_get_function_sqlbody(p.oid), p.prosrc) as \"Source code\"" : "p.prosrc as \"Source code\"",
                "pg_catalog.obj_description(p.oid, 'pg_proc') as \"Description\"",
            ]
        }
        let arguments = try ArgumentTypePatterns.clauses(argumentTypes, typeColumns: argumentTypes.indices.map { "p.proargtypes[\($0)]" },
                                                         currentDatabase: currentDatabase)
        var sql = "SELECT " + cols.joined(separator: ",\n  ") + tail.map { ",\n " + $0 }.joined()
            + "\nFROM pg_catalog.pg_proc p\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace\n"
        sql += arguments.joins
        if verbose { sql += "     LEFT JOIN pg_catalog.pg_language l ON l.oid = p.prolang\n" }
        var conditions = functionKindConditions(kinds)
        conditions += try SQLNamePattern.conditions(pattern, schema: "n.nspname", name: "p.proname",
                                                    visibility: "pg_catalog.pg_function_is_visible(p.oid)")
        conditions += arguments.conditions
        if !system && pattern == nil { conditions += ["n.nspname <> 'pg_catalog'", "n.nspname <> 'information_schema'"] }
        return sql + whereClause(conditions) + "ORDER BY 1, 2, 4;"
    }

    static let functionKindTests: [(Character, String)] = [("a", "p.prokind = 'a'"), ("p", "p.prokind = 'p'"),
                                                          ("t", "p.prorettype = 'pg_catalog.trigger'::pg_catalog.regtype"), ("w", "p.prokind = 'w'")]

    static func negated(_ test: String) -> String { test.replacingEvery(" = ", with: " <> ") }

    /// The conditions for `\df`'s kind letters: with `n`, the kinds not asked for are
    /// excluded; otherwise one of the asked kinds must match.
    static func functionKindConditions(_ kinds: Set<Character>) -> [String] {
        if kinds.contains("n") {
            return functionKindTests.filter { !kinds.contains($0.0) }.map { negated($0.1) }
        }
        let asked = functionKindTests.filter { kinds.contains($0.0) }.map(\.1)
        return asked.isEmpty ? [] : ["(\n       " + asked.joined(separator: "\n       OR ") + "\n      )"]
    }

    /// `\dT`: "List of data types".
    public static func types(pattern: String?, verbose: Bool, system: Bool, serverVersion: Int) throws -> String {
        var cols = ["n.nspname as \"Schema\"", "pg_catalog.format_type(t.oid, NULL) AS \"Name\""]
        if verbose {
            cols += [
                "t.typname AS \"Internal name\"",
                "CASE WHEN t.typrelid != 0\n      THEN CAST('tuple' AS pg_catalog.text)\n    WHEN t.typlen < 0\n      THEN CAST('var' AS pg_catalog.text)\n    ELSE CAST(t.typlen AS pg_catalog.text)\n  END AS \"Size\"",
                "pg_catalog.array_to_string(\n      ARRAY(\n          SELECT e.enumlabel\n          FROM pg_catalog.pg_enum e\n          WHERE e.enumtypid = t.oid\n          ORDER BY e.enumsortorder\n      ),\n      E'\\n'\n  ) AS \"Elements\"",
                "pg_catalog.pg_get_userbyid(t.typowner) AS \"Owner\"",
            ]
        }
        // psql's text: under `+` the privileges start their line and Description is
        // indented by four (`-E` shows it).
        let description = "pg_catalog.obj_description(t.oid, 'pg_type') as \"Description\""
        let select = cols.joined(separator: ",\n  ")
            + (verbose ? ",\npg_catalog.array_to_string(t.typacl, E'\\n') AS \"Access privileges\",\n    " : ",\n  ") + description
        var conditions = ["(t.typrelid = 0 OR (SELECT c.relkind = 'c' FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid))"]
        // Array types are hidden unless the pattern asks for one (has `[]` anywhere).
        if !(pattern?.contains("[]") ?? false) {
            conditions.append("NOT EXISTS(SELECT 1 FROM pg_catalog.pg_type el WHERE el.oid = t.typelem AND el.typarray = t.oid)")
        }
        if !system && pattern == nil { conditions += ["n.nspname <> 'pg_catalog'", "n.nspname <> 'information_schema'"] }
        // psql rewrites grammar spellings here too (`\dT int4[]` finds `integer[]`).
        conditions += try SQLNamePattern.conditions(pattern.map(ArgumentTypePatterns.rewritten), schema: "n.nspname", name: "t.typname",
                                                    alternateName: "pg_catalog.format_type(t.oid, NULL)",
                                                    visibility: "pg_catalog.pg_type_is_visible(t.oid)")
        return "SELECT " + select + "\nFROM pg_catalog.pg_type t\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace\n"
            + whereClause(conditions) + "ORDER BY 1, 2;"
    }

    /// `\du`: the raw role attributes; `CatalogCommands` formats the "Attributes" cell
    /// and reads the columns by name (`description` only under `+`, before the flags
    /// psql appends last).
    public static func roles(pattern: String?, verbose: Bool = false, system: Bool, serverVersion: Int) throws -> String {
        var conditions: [String] = []
        if !system && pattern == nil { conditions.append("r.rolname !~ '^pg_'") }
        conditions += try SQLNamePattern.conditions(pattern, schema: nil, name: "r.rolname", visibility: nil, maxParts: 1)
        var sql = """
            SELECT r.rolname, r.rolsuper, r.rolinherit,
              r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
              r.rolconnlimit, r.rolvaliduntil,
              ARRAY(SELECT b.rolname
                    FROM pg_catalog.pg_auth_members m
                    JOIN pg_catalog.pg_roles b ON (m.roleid = b.oid)
                    WHERE m.member = r.oid) as memberof
            """
        if verbose { sql += "\n, pg_catalog.shobj_description(r.oid, 'pg_authid') AS description" }
        sql += "\n, r.rolreplication\n, r.rolbypassrls\nFROM pg_catalog.pg_roles r\n"
        return sql + whereClause(conditions) + "ORDER BY 1;"
    }

    /// `\l`: "List of databases" (the locale columns changed in 15 and 17).
    public static func databases(pattern: String?, verbose: Bool, serverVersion: Int) throws -> String {
        var cols = [
            "d.datname as \"Name\"", "pg_catalog.pg_get_userbyid(d.datdba) as \"Owner\"",
            "pg_catalog.pg_encoding_to_char(d.encoding) as \"Encoding\"",
        ]
        if serverVersion >= 170000 {
            cols += ["CASE d.datlocprovider WHEN 'b' THEN 'builtin' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\"",
                     "d.datcollate as \"Collate\"", "d.datctype as \"Ctype\"", "d.datlocale as \"Locale\"", "d.daticurules as \"ICU Rules\""]
        } else if serverVersion >= 160000 {
            cols += ["CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\"",
                     "d.datcollate as \"Collate\"", "d.datctype as \"Ctype\"", "d.daticulocale as \"ICU Locale\"", "d.daticurules as \"ICU Rules\""]
        } else if serverVersion >= 150000 {
            cols += ["d.datcollate as \"Collate\"", "d.datctype as \"Ctype\"", "d.daticulocale as \"ICU Locale\"",
                     "CASE d.datlocprovider WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Locale Provider\""]
        } else {
            cols += ["d.datcollate as \"Collate\"", "d.datctype as \"Ctype\""]
        }
        cols.append("pg_catalog.array_to_string(d.datacl, E'\\n') AS \"Access privileges\"")
        var sql = "SELECT " + cols.joined(separator: ",\n       ")
        if verbose {
            sql += ",\n       CASE WHEN pg_catalog.has_database_privilege(d.datname, 'CONNECT')\n            THEN pg_catalog.pg_size_pretty(pg_catalog.pg_database_size(d.datname))\n            ELSE 'No Access'\n       END as \"Size\""
            sql += ",\n       t.spcname as \"Tablespace\",\n       pg_catalog.shobj_description(d.oid, 'pg_database') as \"Description\""
        }
        sql += "\nFROM pg_catalog.pg_database d\n"
        if verbose { sql += "  JOIN pg_catalog.pg_tablespace t on d.dattablespace = t.oid\n" }
        let conditions = try SQLNamePattern.conditions(pattern, schema: nil, name: "d.datname", visibility: nil, maxParts: 1)
        return sql + whereClause(conditions) + "ORDER BY 1;"
    }

    /// `\dx`: "List of installed extensions".
    public static func extensions(pattern: String?, serverVersion: Int) throws -> String {
        let conditions = try SQLNamePattern.conditions(pattern, schema: nil, name: "e.extname", visibility: nil, maxParts: 1)
        return "SELECT e.extname AS \"Name\", e.extversion AS \"Version\", n.nspname AS \"Schema\", c.description AS \"Description\"\n"
            + "FROM pg_catalog.pg_extension e LEFT JOIN pg_catalog.pg_namespace n ON n.oid = e.extnamespace LEFT JOIN pg_catalog.pg_description c ON c.objoid = e.oid AND c.classoid = 'pg_catalog.pg_extension'::pg_catalog.regclass\n"
            + whereClause(conditions) + "ORDER BY 1;"
    }

    /// The "Attributes" cell of `\du` from the role's flags (psql 15's wording).
    public static func roleAttributes(superuser: Bool, inherit: Bool, createRole: Bool, createDB: Bool, canLogin: Bool,
                                      replication: Bool, bypassRLS: Bool, connectionLimit: Int, validUntil: String?) -> String {
        var words: [String] = []
        if superuser { words.append("Superuser") }
        if !inherit { words.append("No inheritance") }
        if createRole { words.append("Create role") }
        if createDB { words.append("Create DB") }
        if !canLogin { words.append("Cannot login") }
        if replication { words.append("Replication") }
        if bypassRLS { words.append("Bypass RLS") }
        var text = words.joined(separator: ", ")
        if connectionLimit >= 0 {
            if !text.isEmpty { text += "\n" }
            text += connectionLimit == 0 ? "No connections" : connectionLimit == 1 ? "1 connection" : "\(connectionLimit) connections"
        }
        if let validUntil {
            if !text.isEmpty { text += "\n" }
            text += "Password valid until " + validUntil
        }
        return text
    }
}
