/// The SQL of psql's listings of catalog objects other than relations (`\db`, `\dD`,
/// `\dL`, `\dy`, `\dc`, `\dC`, `\do`, `\dO`, `\dA`, `\dF*`, `\de*`, `\dRp`, `\dRs`,
/// `\dX`, `\dP`, `\dp`, `\dconfig`, `\lo_list`): each one a declaration of its columns,
/// catalog, filters and order, built by one function with psql's pattern rules.
public struct ObjectListingSQL: Sendable {
    var columns: [String]
    /// Added after `columns` under `+`.
    var verboseColumns: [String] = []
    /// After the verbose columns in both forms (psql puts Description last).
    var last: [String] = []
    var from: String
    /// Extra joins under `+`.
    var verboseFrom: String = ""
    /// Conditions always applied.
    var filters: [String] = []
    /// Conditions dropped by `S` or a pattern (psql hides system objects only then).
    var hideSystem: [String] = []
    /// Where the pattern's schema part, name part and default visibility apply; nil
    /// name: the listing takes no pattern.
    var schema: String? = nil
    var name: String? = nil
    var alternateName: String? = nil
    var visibility: String? = nil
    /// psql's `maxparts`: 3 is db.schema.name, 2 db.name, 1 a bare name.
    var maxParts = 3
    /// Regex characters in the pattern are literal (operator names).
    var escapingRegex = false
    var orderBy: String = "1"
    /// psql ends nearly every listing's text with `;` (not `\lo_list`'s; `-E` shows it).
    var semicolon = true

    /// The listing's SQL; `joins` and `conditions` are added after the catalog and the
    /// pattern's conditions (`\do`'s argument types).
    func sql(pattern: String?, verbose: Bool, system: Bool, joins: String = "", conditions more: [String] = []) throws -> String {
        var cols = columns
        if verbose { cols += verboseColumns }
        cols += last
        var conditions = filters
        if !system && pattern == nil { conditions += hideSystem }
        if let name {
            conditions += try SQLNamePattern.conditions(pattern, schema: schema, name: name, alternateName: alternateName,
                                                        visibility: visibility, maxParts: maxParts, escapingRegex: escapingRegex)
        }
        conditions += more
        return "SELECT " + cols.joined(separator: ",\n  ") + "\nFROM " + from + "\n" + joins + (verbose ? verboseFrom : "")
            + CatalogListingSQL.whereClause(conditions) + "ORDER BY " + orderBy + (semicolon ? ";" : "")
    }

    static let systemSchemas = ["n.nspname <> 'pg_catalog'", "n.nspname <> 'information_schema'"]

    static func description(_ oid: String, _ catalog: String) -> String {
        "pg_catalog.obj_description(\(oid), '\(catalog)') AS \"Description\""
    }

    static func privileges(_ acl: String) -> String {
        "pg_catalog.array_to_string(\(acl), E'\\n') AS \"Access privileges\""
    }

    /// `(name 'value', …)` from an options array, '' when there are none.
    static func options(_ column: String, as label: String = "FDW options") -> String {
        "CASE WHEN \(column) IS NULL THEN '' ELSE '(' || pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.quote_ident(option_name) || ' ' || pg_catalog.quote_literal(option_value) FROM pg_catalog.pg_options_to_table(\(column))), ', ') || ')' END AS \"\(label)\""
    }

    static let tablespaces = ObjectListingSQL(
        columns: ["spcname AS \"Name\"", "pg_catalog.pg_get_userbyid(spcowner) AS \"Owner\"",
                  "pg_catalog.pg_tablespace_location(oid) AS \"Location\""],
        verboseColumns: [privileges("spcacl"), "spcoptions AS \"Options\"",
                         "pg_catalog.pg_size_pretty(pg_catalog.pg_tablespace_size(oid)) AS \"Size\"",
                         "pg_catalog.shobj_description(oid, 'pg_tablespace') AS \"Description\""],
        from: "pg_catalog.pg_tablespace", name: "spcname", maxParts: 1)

    static let languages = ObjectListingSQL(
        columns: ["l.lanname AS \"Name\"", "pg_catalog.pg_get_userbyid(l.lanowner) AS \"Owner\"", "l.lanpltrusted AS \"Trusted\""],
        verboseColumns: ["NOT l.lanispl AS \"Internal language\"", "l.lanplcallfoid::pg_catalog.regprocedure AS \"Call handler\"",
                         "l.lanvalidator::pg_catalog.regprocedure AS \"Validator\"",
                         "l.laninline::pg_catalog.regprocedure AS \"Inline handler\"", privileges("l.lanacl")],
        last: [description("l.oid", "pg_language")], from: "pg_catalog.pg_language l", hideSystem: ["l.lanplcallfoid <> 0"], name: "l.lanname", maxParts: 2)

    static let eventTriggers = ObjectListingSQL(
        columns: ["evtname AS \"Name\"", "evtevent AS \"Event\"", "pg_catalog.pg_get_userbyid(e.evtowner) AS \"Owner\"",
                  "CASE evtenabled WHEN 'O' THEN 'enabled' WHEN 'R' THEN 'replica' WHEN 'A' THEN 'always' WHEN 'D' THEN 'disabled' END AS \"Enabled\"",
                  "e.evtfoid::pg_catalog.regproc AS \"Function\"",
                  "pg_catalog.array_to_string(array(SELECT x FROM pg_catalog.unnest(evttags) AS t(x)), ', ') AS \"Tags\""],
        verboseColumns: [description("e.oid", "pg_event_trigger")],
        from: "pg_catalog.pg_event_trigger e", name: "evtname", maxParts: 1)

    static let domains = ObjectListingSQL(
        columns: ["n.nspname AS \"Schema\"", "t.typname AS \"Name\"",
                  "pg_catalog.format_type(t.typbasetype, t.typtypmod) AS \"Type\"",
                  "(SELECT c.collname FROM pg_catalog.pg_collation c, pg_catalog.pg_type bt WHERE c.oid = t.typcollation AND bt.oid = t.typbasetype AND t.typcollation <> bt.typcollation) AS \"Collation\"",
                  "CASE WHEN t.typnotnull THEN 'not null' END AS \"Nullable\"", "t.typdefault AS \"Default\"",
                  "pg_catalog.array_to_string(ARRAY(SELECT pg_catalog.pg_get_constraintdef(r.oid, true) FROM pg_catalog.pg_constraint r WHERE t.oid = r.contypid), ' ') AS \"Check\""],
        verboseColumns: [privileges("t.typacl"), description("t.oid", "pg_type")],
        from: "pg_catalog.pg_type t\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace",
        filters: ["t.typtype = 'd'"], hideSystem: systemSchemas, schema: "n.nspname", name: "t.typname",
        visibility: "pg_catalog.pg_type_is_visible(t.oid)", orderBy: "1, 2")

    static let conversions = ObjectListingSQL(
        columns: ["n.nspname AS \"Schema\"", "c.conname AS \"Name\"",
                  "pg_catalog.pg_encoding_to_char(c.conforencoding) AS \"Source\"",
                  "pg_catalog.pg_encoding_to_char(c.contoencoding) AS \"Destination\"",
                  "CASE WHEN c.condefault THEN 'yes' ELSE 'no' END AS \"Default?\""],
        verboseColumns: [description("c.oid", "pg_conversion")],
        from: "pg_catalog.pg_conversion c\n     JOIN pg_catalog.pg_namespace n ON n.oid = c.connamespace",
        hideSystem: systemSchemas, schema: "n.nspname", name: "c.conname",
        visibility: "pg_catalog.pg_conversion_is_visible(c.oid)", orderBy: "1, 2")

    static let operators = ObjectListingSQL(
        columns: ["n.nspname AS \"Schema\"", "o.oprname AS \"Name\"",
                  "CASE WHEN o.oprkind = 'l' THEN NULL ELSE pg_catalog.format_type(o.oprleft, NULL) END AS \"Left arg type\"",
                  "CASE WHEN o.oprkind = 'r' THEN NULL ELSE pg_catalog.format_type(o.oprright, NULL) END AS \"Right arg type\"",
                  "pg_catalog.format_type(o.oprresult, NULL) AS \"Result type\""],
        verboseColumns: ["o.oprcode AS \"Function\""],
        last: ["COALESCE(pg_catalog.obj_description(o.oid, 'pg_operator'), pg_catalog.obj_description(o.oprcode, 'pg_proc')) AS \"Description\""],
        from: "pg_catalog.pg_operator o\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace",
        hideSystem: systemSchemas, schema: "n.nspname", name: "o.oprname",
        visibility: "pg_catalog.pg_operator_is_visible(o.oid)", escapingRegex: true, orderBy: "1, 2, 3, 4")

    /// `\do NAME [LEFT] [RIGHT]`: one type is a prefix operator's right argument, two
    /// are left and right (`-` for none); psql ignores any further words.
    static func operators(pattern: String?, argumentTypes: [String], verbose: Bool, system: Bool, currentDatabase: String) throws -> String {
        let types = Array(argumentTypes.prefix(2))
        let columns = types.count == 1 ? ["o.oprright"] : ["o.oprleft", "o.oprright"]
        let arguments = try ArgumentTypePatterns.clauses(types, typeColumns: columns, currentDatabase: currentDatabase)
        return try operators.sql(pattern: pattern, verbose: verbose, system: system, joins: arguments.joins,
                                 conditions: (types.count == 1 ? ["o.oprleft = 0"] : []) + arguments.conditions)
    }

    static let collations = ObjectListingSQL(
        columns: ["n.nspname AS \"Schema\"", "c.collname AS \"Name\"", "c.collcollate AS \"Collate\"", "c.collctype AS \"Ctype\"",
                  "c.colliculocale AS \"ICU Locale\"",
                  "CASE c.collprovider WHEN 'd' THEN 'default' WHEN 'c' THEN 'libc' WHEN 'i' THEN 'icu' END AS \"Provider\"",
                  "CASE WHEN c.collisdeterministic THEN 'yes' ELSE 'no' END AS \"Deterministic?\""],
        verboseColumns: [description("c.oid", "pg_collation")],
        from: "pg_catalog.pg_collation c\n     JOIN pg_catalog.pg_namespace n ON n.oid = c.collnamespace",
        filters: ["c.collencoding IN (-1, pg_catalog.pg_char_to_encoding(pg_catalog.getdatabaseencoding()))"],
        hideSystem: systemSchemas, schema: "n.nspname", name: "c.collname",
        visibility: "pg_catalog.pg_collation_is_visible(c.oid)", orderBy: "1, 2")

    static let accessMethods = ObjectListingSQL(
        columns: ["amname AS \"Name\"", "CASE amtype WHEN 'i' THEN 'Index' WHEN 't' THEN 'Table' END AS \"Type\""],
        verboseColumns: ["amhandler AS \"Handler\"", description("oid", "pg_am")],
        from: "pg_catalog.pg_am", name: "amname", maxParts: 1)

    static func textSearch(_ catalog: String, _ alias: String, nameColumn: String, namespaceColumn: String,
                           visibility: String, verboseColumns: [String] = []) -> ObjectListingSQL {
        ObjectListingSQL(
            columns: ["n.nspname AS \"Schema\"", "\(alias).\(nameColumn) AS \"Name\""], verboseColumns: verboseColumns,
            last: [description("\(alias).oid", catalog)],
            from: "pg_catalog.\(catalog) \(alias)\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = \(alias).\(namespaceColumn)",
            schema: "n.nspname", name: "\(alias).\(nameColumn)", visibility: "pg_catalog.\(visibility)(\(alias).oid)",
            orderBy: "1, 2")
    }

    static let foreignServers = ObjectListingSQL(
        columns: ["s.srvname AS \"Name\"", "pg_catalog.pg_get_userbyid(s.srvowner) AS \"Owner\"", "f.fdwname AS \"Foreign-data wrapper\""],
        verboseColumns: [privileges("s.srvacl"), "s.srvtype AS \"Type\"", "s.srvversion AS \"Version\"",
                         options("s.srvoptions"), description("s.oid", "pg_foreign_server")],
        from: "pg_catalog.pg_foreign_server s\n     JOIN pg_catalog.pg_foreign_data_wrapper f ON f.oid = s.srvfdw",
        name: "s.srvname", maxParts: 1)

    static let userMappings = ObjectListingSQL(
        columns: ["um.srvname AS \"Server\"", "um.usename AS \"User name\""],
        verboseColumns: [options("um.umoptions")],
        // The pattern matches the server or the user (psql 15).
        from: "pg_catalog.pg_user_mappings um", name: "um.srvname", alternateName: "um.usename", maxParts: 1, orderBy: "1, 2")

    static let foreignDataWrappers = ObjectListingSQL(
        columns: ["fdw.fdwname AS \"Name\"", "pg_catalog.pg_get_userbyid(fdw.fdwowner) AS \"Owner\"",
                  "fdw.fdwhandler::pg_catalog.regproc AS \"Handler\"", "fdw.fdwvalidator::pg_catalog.regproc AS \"Validator\""],
        verboseColumns: [privileges("fdw.fdwacl"), options("fdw.fdwoptions"), description("fdw.oid", "pg_foreign_data_wrapper")],
        from: "pg_catalog.pg_foreign_data_wrapper fdw", name: "fdw.fdwname", maxParts: 1)

    static let foreignTables = ObjectListingSQL(
        columns: ["n.nspname AS \"Schema\"", "c.relname AS \"Table\"", "s.srvname AS \"Server\""],
        verboseColumns: [options("ft.ftoptions"), description("c.oid", "pg_class")],
        from: "pg_catalog.pg_foreign_table ft\n     JOIN pg_catalog.pg_class c ON c.oid = ft.ftrelid\n     JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n     JOIN pg_catalog.pg_foreign_server s ON s.oid = ft.ftserver",
        schema: "n.nspname", name: "c.relname", visibility: "pg_catalog.pg_table_is_visible(c.oid)", orderBy: "1, 2")

    static let publications = ObjectListingSQL(
        columns: ["pubname AS \"Name\"", "pg_catalog.pg_get_userbyid(pubowner) AS \"Owner\"", "puballtables AS \"All tables\"",
                  "pubinsert AS \"Inserts\"", "pubupdate AS \"Updates\"", "pubdelete AS \"Deletes\"",
                  "pubtruncate AS \"Truncates\"", "pubviaroot AS \"Via root\""],
        from: "pg_catalog.pg_publication", name: "pubname", maxParts: 1)

    static let subscriptions = ObjectListingSQL(
        columns: ["subname AS \"Name\"", "pg_catalog.pg_get_userbyid(subowner) AS \"Owner\"", "subenabled AS \"Enabled\"",
                  "subpublications AS \"Publication\""],
        // psql 15's `+` columns (servers 15 and later).
        verboseColumns: ["subbinary AS \"Binary\"", "substream AS \"Streaming\"", "subtwophasestate AS \"Two-phase commit\"",
                         "subdisableonerr AS \"Disable on error\"", "subsynccommit AS \"Synchronous commit\"",
                         "subconninfo AS \"Conninfo\"", "subskiplsn AS \"Skip LSN\""],
        from: "pg_catalog.pg_subscription",
        filters: ["subdbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())"],
        name: "subname", maxParts: 1)

    static let extendedStatistics = ObjectListingSQL(
        columns: ["es.stxnamespace::pg_catalog.regnamespace::pg_catalog.text AS \"Schema\"", "es.stxname AS \"Name\"",
                  "pg_catalog.format('%s FROM %s', pg_catalog.pg_get_statisticsobjdef_columns(es.oid), es.stxrelid::pg_catalog.regclass) AS \"Definition\"",
                  "CASE WHEN 'd' = any(es.stxkind) THEN 'defined' END AS \"Ndistinct\"",
                  "CASE WHEN 'f' = any(es.stxkind) THEN 'defined' END AS \"Dependencies\"",
                  "CASE WHEN 'm' = any(es.stxkind) THEN 'defined' END AS \"MCV\""],
        from: "pg_catalog.pg_statistic_ext es",
        schema: "es.stxnamespace::pg_catalog.regnamespace::pg_catalog.text", name: "es.stxname",
        visibility: "pg_catalog.pg_statistics_obj_is_visible(es.oid)", orderBy: "1, 2")

    static let settings = ObjectListingSQL(
        columns: ["s.name AS \"Parameter\"", "pg_catalog.current_setting(s.name) AS \"Value\""],
        verboseColumns: ["s.vartype AS \"Type\"", "s.context AS \"Context\"", privileges("p.paracl")],
        from: "pg_catalog.pg_settings s",
        verboseFrom: "     LEFT JOIN pg_catalog.pg_parameter_acl p ON pg_catalog.lower(s.name) = p.parname\n",
        hideSystem: ["s.source <> 'default'", "s.setting IS DISTINCT FROM s.boot_val"],
        name: "pg_catalog.lower(s.name)", maxParts: 1)

    static let largeObjects = ObjectListingSQL(
        columns: ["oid as \"ID\"", "pg_catalog.pg_get_userbyid(lomowner) as \"Owner\""],
        verboseColumns: [privileges("lomacl")], last: ["pg_catalog.obj_description(oid, 'pg_largeobject') as \"Description\""],
        from: "pg_catalog.pg_largeobject_metadata", orderBy: "oid", semicolon: false)
}

extension ObjectListingSQL {
    static let tsConfigurations = textSearch("pg_ts_config", "c", nameColumn: "cfgname", namespaceColumn: "cfgnamespace",
                                             visibility: "pg_ts_config_is_visible")
    static let tsDictionaries = textSearch(
        "pg_ts_dict", "d", nameColumn: "dictname", namespaceColumn: "dictnamespace", visibility: "pg_ts_dict_is_visible",
        verboseColumns: ["(SELECT COALESCE(nt.nspname, '(null)')::pg_catalog.text || '.' || t.tmplname FROM pg_catalog.pg_ts_template t LEFT JOIN pg_catalog.pg_namespace nt ON nt.oid = t.tmplnamespace WHERE d.dicttemplate = t.oid) AS \"Template\"",
                         "d.dictinitoption AS \"Init options\""])
    static let tsParsers = textSearch("pg_ts_parser", "p", nameColumn: "prsname", namespaceColumn: "prsnamespace",
                                      visibility: "pg_ts_parser_is_visible")
    static let tsTemplates = textSearch(
        "pg_ts_template", "t", nameColumn: "tmplname", namespaceColumn: "tmplnamespace", visibility: "pg_ts_template_is_visible",
        verboseColumns: ["t.tmplinit::pg_catalog.regproc AS \"Init\"", "t.tmpllexize::pg_catalog.regproc AS \"Lexize\""])
}

extension ObjectListingSQL {
    /// `\dp` / `\z`: "Access privileges" of tables, views, sequences (column
    /// privileges and row-security policies too).
    static let privileges = ObjectListingSQL(
        columns: ["n.nspname AS \"Schema\"", "c.relname AS \"Name\"",
                  "CASE c.relkind WHEN 'r' THEN 'table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'foreign table' WHEN 'p' THEN 'partitioned table' END AS \"Type\"",
                  privileges("c.relacl"),
                  "pg_catalog.array_to_string(ARRAY(SELECT attname || E':\\n  ' || pg_catalog.array_to_string(attacl, E'\\n  ') FROM pg_catalog.pg_attribute a WHERE attrelid = c.oid AND NOT attisdropped AND attacl IS NOT NULL), E'\\n') AS \"Column privileges\"",
                  """
                  pg_catalog.array_to_string(ARRAY(SELECT polname
                      || CASE WHEN NOT polpermissive THEN E' (RESTRICTIVE)' ELSE '' END
                      || CASE WHEN polcmd <> '*' THEN E' (' || polcmd::pg_catalog.text || E'):' ELSE E':' END
                      || CASE WHEN polqual IS NOT NULL THEN E'\\n  (u): ' || pg_catalog.pg_get_expr(polqual, polrelid) ELSE E'' END
                      || CASE WHEN polwithcheck IS NOT NULL THEN E'\\n  (c): ' || pg_catalog.pg_get_expr(polwithcheck, polrelid) ELSE E'' END
                      || CASE WHEN polroles <> '{0}' THEN E'\\n  to: ' || pg_catalog.array_to_string(ARRAY(SELECT rolname FROM pg_catalog.pg_roles WHERE oid = ANY (polroles) ORDER BY 1), E', ') ELSE E'' END
                    FROM pg_catalog.pg_policy pol WHERE polrelid = c.oid), E'\\n') AS "Policies"
                  """],
        from: "pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace",
        filters: ["c.relkind IN ('r','v','m','S','f','p')"],
        schema: "n.nspname", name: "c.relname",
        // psql hides pg_* schemas whenever the pattern names no schema, `S` or not.
        visibility: "n.nspname !~ '^pg_' AND pg_catalog.pg_table_is_visible(c.oid)", orderBy: "1, 2")
}

extension ObjectListingSQL {
    /// `\ddp`: "Default access privileges" (the pattern matches schema or owner).
    static let defaultPrivileges = ObjectListingSQL(
        columns: ["pg_catalog.pg_get_userbyid(d.defaclrole) AS \"Owner\"", "n.nspname AS \"Schema\"",
                  "CASE d.defaclobjtype WHEN 'r' THEN 'table' WHEN 'S' THEN 'sequence' WHEN 'f' THEN 'function' WHEN 'T' THEN 'type' WHEN 'n' THEN 'schema' END AS \"Type\"",
                  privileges("d.defaclacl")],
        from: "pg_catalog.pg_default_acl d\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace",
        name: "n.nspname", alternateName: "pg_catalog.pg_get_userbyid(d.defaclrole)", orderBy: "1, 2, 3")

    /// `\da`: "List of aggregate functions".
    static let aggregates = ObjectListingSQL(
        columns: ["n.nspname AS \"Schema\"", "p.proname AS \"Name\"", "pg_catalog.format_type(p.prorettype, NULL) AS \"Result data type\"",
                  "CASE WHEN p.pronargs = 0 THEN CAST('*' AS pg_catalog.text) ELSE pg_catalog.pg_get_function_arguments(p.oid) END AS \"Argument data types\"",
                  description("p.oid", "pg_proc")],
        from: "pg_catalog.pg_proc p\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace",
        filters: ["p.prokind = 'a'"], hideSystem: systemSchemas, schema: "n.nspname", name: "p.proname",
        visibility: "pg_catalog.pg_function_is_visible(p.oid)", orderBy: "1, 2, 4")
}

extension ObjectListingSQL {
    /// `\dP[tin+]`: partitioned tables (`t`), indexes (`i`) or both (neither or both
    /// letters), the partitions below them too with `n` or a pattern (with their
    /// parent), and under `+` their sizes (of the whole tree; with `n`, also of the
    /// direct leaf partitions). Returns the SQL and psql's title.
    static func partitioned(letters: Set<Character>, pattern: String?, verbose: Bool) throws -> (sql: String, title: String) {
        let tables = letters.contains("t") || !letters.contains("i")
        let indexes = letters.contains("i") || !letters.contains("t")
        let mixed = tables && indexes
        let nested = letters.contains("n") || pattern != nil
        var columns = ["n.nspname as \"Schema\"", "c.relname as \"Name\"", "pg_catalog.pg_get_userbyid(c.relowner) as \"Owner\""]
        if mixed { columns.append("CASE c.relkind WHEN 'p' THEN 'partitioned table' WHEN 'I' THEN 'partitioned index' END as \"Type\"") }
        if nested { columns.append("inh.inhparent::pg_catalog.regclass as \"Parent name\"") }
        if indexes { columns.append("c2.oid::pg_catalog.regclass as \"Table\"") }
        if verbose {
            // The leaf size comes with `n` only, not with a pattern (measured).
            if letters.contains("n") { columns.append("s.dps as \"Leaf partition size\"") }
            columns += ["s.tps as \"Total size\"", "pg_catalog.obj_description(c.oid, 'pg_class') as \"Description\""]
        }
        var from = "pg_catalog.pg_class c\n     LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        if indexes { from += "\n     LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = c.oid\n     LEFT JOIN pg_catalog.pg_class c2 ON i.indrelid = c2.oid" }
        if nested { from += "\n     LEFT JOIN pg_catalog.pg_inherits inh ON c.oid = inh.inhrelid" }
        if verbose {
            from += """
                ,
                     LATERAL (SELECT pg_catalog.pg_size_pretty(sum(
                                 CASE WHEN ppt.isleaf AND ppt.level = 1
                                      THEN pg_catalog.pg_table_size(ppt.relid) ELSE 0 END)) AS dps,
                                     pg_catalog.pg_size_pretty(sum(pg_catalog.pg_table_size(ppt.relid))) AS tps
                              FROM pg_catalog.pg_partition_tree(c.oid) ppt) s
                """
        }
        let kinds = (tables ? ["'p'"] : []) + (indexes ? ["'I'"] : []) + ["''"]
        var order = ["\"Schema\""]
        if mixed { order.append("\"Type\" DESC") }
        if nested { order.append("\"Parent name\" NULLS FIRST") }
        order.append("\"Name\"")
        let listing = ObjectListingSQL(
            columns: columns, from: from,
            filters: ["c.relkind IN (" + kinds.joined(separator: ",") + ")"] + (nested ? [] : ["NOT c.relispartition"]),
            hideSystem: CatalogListingSQL.hideSystemSchemas, schema: "n.nspname", name: "c.relname",
            visibility: "pg_catalog.pg_table_is_visible(c.oid)", orderBy: order.joined(separator: ", "))
        let title = mixed ? "List of partitioned relations" : tables ? "List of partitioned tables" : "List of partitioned indexes"
        // psql's text indents these two lines by one space (`-E` shows it).
        let sql = try listing.sql(pattern: pattern, verbose: false, system: false)
            .replacingEvery(",\n  c2.oid::pg_catalog.regclass", with: ",\n c2.oid::pg_catalog.regclass")
            .replacingEvery("\n  AND NOT c.relispartition\n", with: "\n AND NOT c.relispartition\n")
        return (sql, title)
    }
}
