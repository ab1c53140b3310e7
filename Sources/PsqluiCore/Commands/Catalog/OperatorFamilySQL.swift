/// The SQL of psql's operator-class and operator-family listings (`\dAc`, `\dAf`,
/// `\dAo`, `\dAp`). Each takes two patterns: the access method (a bare name) and a
/// second one — the input type for `\dAc` and `\dAf`, the operator family for `\dAo`
/// and `\dAp` (both may be schema-qualified).
enum OperatorFamilySQL {
    /// How `name` appears: bare when visible on the search path, else schema-qualified.
    static func qualifiedName(_ visible: String, _ schema: String, _ name: String) -> String {
        "CASE WHEN pg_catalog.\(visible) THEN pg_catalog.format('%I', \(name)) ELSE pg_catalog.format('%I.%I', \(schema), \(name)) END"
    }

    static func accessMethod(_ pattern: String?) throws -> [String] {
        try SQLNamePattern.conditions(pattern, schema: nil, name: "am.amname", visibility: nil, maxParts: 1)
    }

    static func type(_ pattern: String?, alias t: String, schema: String) throws -> [String] {
        guard pattern != nil else { return [] }
        return try SQLNamePattern.conditions(pattern, schema: schema, name: "\(t).typname",
                                             alternateName: "pg_catalog.format_type(\(t).oid, NULL)",
                                             visibility: "pg_catalog.pg_type_is_visible(\(t).oid)")
    }

    static func family(_ pattern: String?, schema: String) throws -> [String] {
        try SQLNamePattern.conditions(pattern, schema: schema, name: "f.opfname", visibility: nil)
    }

    static func select(_ columns: [String], from: String, where conditions: [String], orderBy: String) -> String {
        "SELECT " + columns.joined(separator: ",\n  ") + "\nFROM " + from + "\n"
            + CatalogListingSQL.whereClause(conditions) + "ORDER BY " + orderBy + ";"
    }

    /// `\dAc[+] [AM [TYPE]]`: "List of operator classes".
    static func classes(_ patterns: [String], verbose: Bool) throws -> String {
        var columns = ["am.amname AS \"AM\"", "pg_catalog.format_type(c.opcintype, NULL) AS \"Input type\"",
                       "CASE WHEN c.opckeytype <> 0 AND c.opckeytype <> c.opcintype THEN pg_catalog.format_type(c.opckeytype, NULL) END AS \"Storage type\"",
                       qualifiedName("pg_opclass_is_visible(c.oid)", "n.nspname", "c.opcname") + " AS \"Operator class\"",
                       "CASE WHEN c.opcdefault THEN 'yes' ELSE 'no' END AS \"Default?\""]
        var from = """
            pg_catalog.pg_opclass c
              LEFT JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
              LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
              LEFT JOIN pg_catalog.pg_type t ON t.oid = c.opcintype
              LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
            """
        if verbose {
            columns += [qualifiedName("pg_opfamily_is_visible(f.oid)", "fn.nspname", "f.opfname") + " AS \"Operator family\"",
                        "pg_catalog.pg_get_userbyid(c.opcowner) AS \"Owner\""]
            from += "\n  LEFT JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily\n  LEFT JOIN pg_catalog.pg_namespace fn ON fn.oid = f.opfnamespace"
        }
        let conditions = try accessMethod(patterns.first) + type(patterns.dropFirst().first, alias: "t", schema: "tn.nspname")
        return select(columns, from: from, where: conditions, orderBy: "1, 2, 4")
    }

    /// `\dAf[+] [AM [TYPE]]`: "List of operator families".
    static func families(_ patterns: [String], verbose: Bool) throws -> String {
        var columns = ["am.amname AS \"AM\"",
                       qualifiedName("pg_opfamily_is_visible(f.oid)", "n.nspname", "f.opfname") + " AS \"Operator family\"",
                       "(SELECT pg_catalog.string_agg(pg_catalog.format_type(oc.opcintype, NULL), ', ') FROM pg_catalog.pg_opclass oc WHERE oc.opcfamily = f.oid) AS \"Applicable types\""]
        if verbose { columns.append("pg_catalog.pg_get_userbyid(f.opfowner) AS \"Owner\"") }
        var conditions = try accessMethod(patterns.first)
        let typeConditions = try type(patterns.dropFirst().first, alias: "t", schema: "tn.nspname")
        if !typeConditions.isEmpty {
            conditions.append("""
                EXISTS (SELECT 1 FROM pg_catalog.pg_type t
                    JOIN pg_catalog.pg_opclass oc ON oc.opcintype = t.oid
                    LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = t.typnamespace
                  WHERE oc.opcfamily = f.oid AND \(typeConditions.joined(separator: " AND ")))
                """)
        }
        return select(columns, from: """
            pg_catalog.pg_opfamily f
              LEFT JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
              LEFT JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
            """, where: conditions, orderBy: "1, 2")
    }

    /// `\dAo[+] [AM [FAMILY]]`: "List of operators of operator families".
    static func operators(_ patterns: [String], verbose: Bool) throws -> String {
        var columns = ["am.amname AS \"AM\"",
                       qualifiedName("pg_opfamily_is_visible(f.oid)", "n.nspname", "f.opfname") + " AS \"Operator family\"",
                       "o.amopopr::pg_catalog.regoperator AS \"Operator\"", "o.amopstrategy AS \"Strategy\"",
                       "CASE o.amoppurpose WHEN 'o' THEN 'ordering' WHEN 's' THEN 'search' END AS \"Purpose\""]
        var from = """
            pg_catalog.pg_amop o
              LEFT JOIN pg_catalog.pg_opfamily f ON f.oid = o.amopfamily
              LEFT JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod AND am.oid = o.amopmethod
              LEFT JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
            """
        if verbose {
            columns.append("sf.opfname AS \"Sort opfamily\"")
            from += "\n  LEFT JOIN pg_catalog.pg_opfamily sf ON sf.oid = o.amopsortfamily"
        }
        let conditions = try accessMethod(patterns.first) + family(patterns.dropFirst().first, schema: "n.nspname")
        return select(columns, from: from, where: conditions, orderBy: """
            1, 2, o.amoplefttype = o.amoprighttype DESC, pg_catalog.format_type(o.amoplefttype, NULL),
              pg_catalog.format_type(o.amoprighttype, NULL), o.amopstrategy
            """)
    }

    /// `\dAp[+] [AM [FAMILY]]`: "List of support functions of operator families".
    static func supportFunctions(_ patterns: [String], verbose: Bool) throws -> String {
        let columns = ["am.amname AS \"AM\"",
                       qualifiedName("pg_opfamily_is_visible(f.oid)", "n.nspname", "f.opfname") + " AS \"Operator family\"",
                       "pg_catalog.format_type(ap.amproclefttype, NULL) AS \"Registered left type\"",
                       "pg_catalog.format_type(ap.amprocrighttype, NULL) AS \"Registered right type\"",
                       "ap.amprocnum AS \"Number\"",
                       (verbose ? "ap.amproc::pg_catalog.regprocedure" : "p.proname") + " AS \"Function\""]
        let conditions = try accessMethod(patterns.first) + family(patterns.dropFirst().first, schema: "n.nspname")
        return select(columns, from: """
            pg_catalog.pg_amproc ap
              LEFT JOIN pg_catalog.pg_opfamily f ON f.oid = ap.amprocfamily
              LEFT JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
              LEFT JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
              LEFT JOIN pg_catalog.pg_proc p ON p.oid = ap.amproc
            """, where: conditions, orderBy: "1, 2, ap.amproclefttype = ap.amprocrighttype DESC, 3, 4, 5")
    }
}
