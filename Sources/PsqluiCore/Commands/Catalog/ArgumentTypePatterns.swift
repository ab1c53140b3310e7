/// psql 15's argument-type patterns: the words after the name pattern of `\df`
/// (`\df has_database_privilege oid text`) and `\do` (`\do - pg_catalog.int4`), each
/// matched against one argument's type, as psql measures:
///
/// - a word is an object-name pattern (`pg_catalog.int*`, `"char"`) matched against
///   the type's internal name or its `format_type` spelling, with its schema part or
///   else the type's visibility; `db.schema.type` must name the current database;
/// - `-` means "no argument here" (the type is NULL: the function has fewer
///   arguments, the operator is prefix);
/// - a few spellings the SQL grammar accepts but neither name shows are first
///   rewritten, as the whole word in any case: `int`, `float` and `decimal` alone, and
///   those plus the short internal names (`int4`, `varchar`, `timestamptz` …) before
///   one `[]` (an array type's internal name is `_int4`, its `format_type` `integer[]`).
enum ArgumentTypePatterns {
    /// Grammar spellings rewritten alone and before `[]`.
    static let grammarNames = ["decimal": "numeric", "float": "double precision", "int": "integer"]

    /// Element names rewritten before `[]` only.
    static let arrayElementNames = grammarNames.merging([
        "bool": "boolean", "float4": "real", "float8": "double precision", "int2": "smallint", "int4": "integer",
        "int8": "bigint", "time": "time without time zone", "timetz": "time with time zone",
        "timestamp": "timestamp without time zone", "timestamptz": "timestamp with time zone",
        "varbit": "bit varying", "varchar": "character varying",
    ]) { $1 }

    /// `word` with psql's rewriting of grammar and internal type spellings applied.
    static func rewritten(_ word: String) -> String {
        let lower = word.lowercased()
        if lower.hasSuffix("[]"), let element = arrayElementNames[String(lower.dropLast(2))] { return element + "[]" }
        return grammarNames[lower] ?? word
    }

    /// The joins and `WHERE` conditions for `patterns`, pattern `i` checked against
    /// the type that `typeColumns[i]` holds the OID of (`p.proargtypes[0]`,
    /// `o.oprright`). Throws `SQLNamePattern.Problem` for a pattern with too many dots
    /// or naming another database.
    static func clauses(_ patterns: [String], typeColumns: [String], currentDatabase: String) throws -> (joins: String, conditions: [String]) {
        var joins = ""
        var conditions: [String] = []
        for (i, (pattern, column)) in zip(patterns, typeColumns).enumerated() {
            joins += "     LEFT JOIN pg_catalog.pg_type t\(i) ON t\(i).oid = \(column)\n"
            joins += "     LEFT JOIN pg_catalog.pg_namespace nt\(i) ON nt\(i).oid = t\(i).typnamespace\n"
            if pattern == "-" {
                conditions.append("t\(i).typname IS NULL")
                continue
            }
            let word = rewritten(pattern)
            try SQLNamePattern.validate(word, currentDatabase: currentDatabase)
            conditions += try SQLNamePattern.conditions(word, schema: "nt\(i).nspname", name: "t\(i).typname",
                                                        alternateName: "pg_catalog.format_type(t\(i).oid, NULL)",
                                                        visibility: "pg_catalog.pg_type_is_visible(t\(i).oid)")
        }
        return (joins, conditions)
    }
}
