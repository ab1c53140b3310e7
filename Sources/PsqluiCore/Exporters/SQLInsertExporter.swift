import PsqluiPluginAPI

/// SQL `INSERT` statements, one per row, that recreate the rows when run against a
/// table with the same columns:
///
///     INSERT INTO exported (id, name, "Order") VALUES (1, 'it''s', NULL);
///
/// Literals round-trip: NULL as `NULL`; integers and numerics bare; every other value
/// (floats' NaN/±Infinity/-0 included) as a standard-conforming string literal with
/// `'` doubled — the text output of any type is valid input for it, and an
/// untyped literal takes the target column's type, so arrays, json, bytea
/// (`'\x…'`), timestamps and uuids need no casts. (Assumes
/// `standard_conforming_strings = on`, the default since PostgreSQL 9.1.)
/// `table=NAME` names the target, written as given (it may be schema-qualified);
/// the default is `exported`. Column names are quoted where needed.
final class SQLInsertExporter: Exporter {
    private let table: String
    private var output: OutputBuffer!
    /// `INSERT INTO t (a, b) VALUES (` — written before every row.
    private var prefix: [UInt8] = []
    private var bare: [Bool] = []
    private let quoter = ByteEscaper([UInt8(ascii: "'"): "''"])

    init(table: String) { self.table = table }

    func open(columns: [ColumnInfo], output: OutputBuffer) async throws {
        self.output = output
        var text = "INSERT INTO \(table) ("
        text += columns.map { Self.quoteIdentifier($0.name) }.joined(separator: ", ")
        text += ") VALUES ("
        prefix = Array(text.utf8)
        bare = columns.map { Self.isExactNumber($0.typeOID) }
    }

    func write(_ batch: RowBatch) throws {
        let columns = batch.columnCount
        var index = 0
        try prefix.withUnsafeBufferPointer { prefix in
            for _ in 0..<batch.rowCount {
                try output.append(prefix)
                for c in 0..<columns {
                    if c > 0 { try output.append(", " as StaticString) }
                    let cell = batch.cells[index]
                    if cell.isNull {
                        try output.append("NULL" as StaticString)
                    } else if bare[c] && JSONValueWriter.isJSONNumber(cell.bytes) {
                        try output.append(cell.bytes)
                    } else {
                        try output.append(UInt8(ascii: "'"))
                        try quoter.append(cell.bytes, to: output)
                        try output.append(UInt8(ascii: "'"))
                    }
                    index += 1
                }
                try output.append(");\n" as StaticString)
            }
        }
    }

    func finish(rowCount: Int) async throws {}

    /// Types whose text output, when it is a number, reads back exactly as a bare
    /// numeric literal (not floats: `-0` would lose its sign).
    static func isExactNumber(_ oid: UInt32) -> Bool {
        oid == TypeOID.int2 || oid == TypeOID.int4 || oid == TypeOID.int8 || oid == TypeOID.numeric
    }

    /// An identifier as SQL: bare when it is lower case, simple and not reserved;
    /// otherwise double-quoted with `"` doubled.
    static func quoteIdentifier(_ name: String) -> String {
        let bytes = Array(name.utf8)
        let simple = !bytes.isEmpty
            && (bytes[0] == UInt8(ascii: "_") || (bytes[0] >= UInt8(ascii: "a") && bytes[0] <= UInt8(ascii: "z")))
            && bytes.allSatisfy { b in
                b == UInt8(ascii: "_") || b == UInt8(ascii: "$") || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z"))
                    || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9"))
            }
        if simple && !reservedWords.contains(name) { return name }
        return "\"" + name.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    /// PostgreSQL's reserved key words and those that cannot be column names.
    static let reservedWords: Set<String> = [
        "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
        "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
        "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
        "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
        "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
        "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float", "for",
        "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having", "ilike",
        "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into", "is",
        "isnull", "join", "lateral", "leading", "least", "left", "like", "limit", "localtime",
        "localtimestamp", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
        "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps", "overlay",
        "placing", "position", "precision", "primary", "real", "references", "returning", "right", "row",
        "select", "session_user", "setof", "similar", "smallint", "some", "substring", "symmetric",
        "system_user", "table", "tablesample", "then", "time", "timestamp", "to", "trailing", "treat",
        "trim", "true", "union", "unique", "user", "using", "values", "varchar", "variadic", "verbose",
        "when", "where", "window", "with", "xmlattributes", "xmlconcat", "xmlelement", "xmlexists",
        "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot", "xmlserialize", "xmltable",
    ]

    /// The format's declaration for the registry.
    static let spec = ExporterSpec(
        name: "sql",
        summary: "INSERT statements, one per row, with literals that reload exactly (table=NAME sets the target)",
        fileExtension: "sql",
        options: [ExportOptionSpec(name: "table", summary: "the table the INSERTs target, as SQL (may be schema-qualified)", defaultValue: "exported")],
        make: { options in
            let table = options["table"] ?? "exported"
            if table.isEmpty { throw ExportOptionError(option: "table", value: table, expected: "a table name") }
            return SQLInsertExporter(table: table)
        })
}
