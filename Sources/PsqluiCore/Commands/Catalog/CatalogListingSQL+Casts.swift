/// `\dC` (casts), `\dd` (object descriptions) and `\drds` (per-role and per-database
/// settings): listings whose patterns apply to more than one column.
extension CatalogListingSQL {
    /// `\dC[+] [PATTERN]`: "List of casts"; the pattern matches the source or the
    /// target type (as a type name or as `format_type` shows it).
    static func casts(pattern: String?, verbose: Bool) throws -> String {
        func side(_ t: String, _ n: String) throws -> String {
            let c = try SQLNamePattern.conditions(pattern, schema: "\(n).nspname", name: "\(t).typname",
                                                  alternateName: "pg_catalog.format_type(\(t).oid, NULL)",
                                                  visibility: "pg_catalog.pg_type_is_visible(\(t).oid)")
            return "(" + (["true"] + c).joined(separator: " AND ") + ")"
        }
        var columns = [
            "pg_catalog.format_type(c.castsource, NULL) AS \"Source type\"",
            "pg_catalog.format_type(c.casttarget, NULL) AS \"Target type\"",
            "CASE c.castmethod WHEN 'b' THEN '(binary coercible)' WHEN 'i' THEN '(with inout)' ELSE p.proname END AS \"Function\"",
            "CASE c.castcontext WHEN 'e' THEN 'no' WHEN 'a' THEN 'in assignment' ELSE 'yes' END AS \"Implicit?\"",
        ]
        var from = """
            pg_catalog.pg_cast c
                 LEFT JOIN pg_catalog.pg_proc p ON p.oid = c.castfunc
                 LEFT JOIN pg_catalog.pg_type ts ON ts.oid = c.castsource
                 LEFT JOIN pg_catalog.pg_namespace ns ON ns.oid = ts.typnamespace
                 LEFT JOIN pg_catalog.pg_type tt ON tt.oid = c.casttarget
                 LEFT JOIN pg_catalog.pg_namespace nt ON nt.oid = tt.typnamespace
            """
        if verbose {
            columns.append("d.description AS \"Description\"")
            from += "\n     LEFT JOIN pg_catalog.pg_description d ON d.classoid = c.tableoid AND d.objoid = c.oid AND d.objsubid = 0"
        }
        return "SELECT " + columns.joined(separator: ",\n  ") + "\nFROM " + from + "\nWHERE "
            + (try side("ts", "ns")) + " OR " + (try side("tt", "nt")) + "\nORDER BY 1, 2;"
    }

    /// `\dd[S] [PATTERN]`: "Object descriptions" of the objects that have no `\d`
    /// listing of their own: table and domain constraints, operator classes and
    /// families, rules and triggers (only those with a description).
    static func objectDescriptions(pattern: String?, system: Bool) throws -> String {
        let hide = !system && pattern == nil ? ObjectListingSQL.systemSchemas : []
        func part(_ object: String, _ name: String, from: String, filters: [String] = [], visibility: String) throws -> String {
            let conditions = filters + hide + (try SQLNamePattern.conditions(pattern, schema: "n.nspname", name: name, visibility: visibility))
            return "  SELECT x.oid, x.tableoid, n.nspname, CAST(\(name) AS pg_catalog.text) AS name, CAST('\(object)' AS pg_catalog.text) AS object\n"
                + "  FROM " + from + "\n  " + CatalogListingSQL.whereClause(conditions)
        }
        let parts = [
            try part("table constraint", "x.conname", from: "pg_catalog.pg_constraint x JOIN pg_catalog.pg_class c ON c.oid = x.conrelid LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace",
                     visibility: "pg_catalog.pg_table_is_visible(c.oid)"),
            try part("domain constraint", "x.conname", from: "pg_catalog.pg_constraint x JOIN pg_catalog.pg_type t ON t.oid = x.contypid LEFT JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace",
                     visibility: "pg_catalog.pg_type_is_visible(t.oid)"),
            try part("operator class", "x.opcname", from: "pg_catalog.pg_opclass x JOIN pg_catalog.pg_namespace n ON n.oid = x.opcnamespace",
                     visibility: "pg_catalog.pg_opclass_is_visible(x.oid)"),
            try part("operator family", "x.opfname", from: "pg_catalog.pg_opfamily x JOIN pg_catalog.pg_namespace n ON n.oid = x.opfnamespace",
                     visibility: "pg_catalog.pg_opfamily_is_visible(x.oid)"),
            try part("rule", "x.rulename", from: "pg_catalog.pg_rewrite x JOIN pg_catalog.pg_class c ON c.oid = x.ev_class LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace",
                     filters: ["x.rulename <> '_RETURN'"], visibility: "pg_catalog.pg_table_is_visible(c.oid)"),
            try part("trigger", "x.tgname", from: "pg_catalog.pg_trigger x JOIN pg_catalog.pg_class c ON c.oid = x.tgrelid LEFT JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace",
                     visibility: "pg_catalog.pg_table_is_visible(c.oid)"),
        ]
        return "SELECT DISTINCT tt.nspname AS \"Schema\", tt.name AS \"Name\", tt.object AS \"Object\", d.description AS \"Description\"\nFROM (\n"
            + parts.joined(separator: "UNION ALL\n")
            + ") AS tt\n  JOIN pg_catalog.pg_description d ON tt.oid = d.objoid AND tt.tableoid = d.classoid AND d.objsubid = 0\nORDER BY 1, 2, 3;"
    }

    /// `\drds [ROLEPATTERN [DBPATTERN]]`: "List of settings" from `pg_db_role_setting`.
    static func roleSettings(_ patterns: [String]) throws -> String {
        var conditions: [String] = []
        if let role = patterns.first, !role.isEmpty {
            conditions += try SQLNamePattern.conditions(role, schema: nil, name: "r.rolname", visibility: nil, maxParts: 1)
        }
        if patterns.count > 1 {
            conditions += try SQLNamePattern.conditions(patterns[1], schema: nil, name: "d.datname", visibility: nil, maxParts: 1)
        }
        return """
            SELECT r.rolname AS "Role", d.datname AS "Database", pg_catalog.array_to_string(s.setconfig, E'\\n') AS "Settings"
            FROM pg_catalog.pg_db_role_setting s
              LEFT JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
              LEFT JOIN pg_catalog.pg_roles r ON r.oid = s.setrole

            """ + whereClause(conditions) + "ORDER BY 1, 2;"
    }
}
