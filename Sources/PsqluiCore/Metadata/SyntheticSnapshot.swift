/// A large made-up catalog for benchmarks (`make bench`): completion must stay
/// instant on 10,000 tables.
public enum SyntheticSnapshot {
    /// `tables` tables of `columnsPerTable` columns in `public`, spread over a
    /// few name stems so prefixes are shared, each table with a foreign key to
    /// the previous one, plus a few hundred functions and the demo-like types.
    public static func make(tables: Int = 10_000, columnsPerTable: Int = 10) -> MetadataSnapshot {
        let stems = ["orders", "customers", "products", "invoices", "shipments", "payments", "accounts", "events"]
        var relations: [MetadataSnapshot.Relation] = []
        relations.reserveCapacity(tables)
        var foreignKeys: [MetadataSnapshot.ForeignKey] = []
        for t in 0..<tables {
            let name = "\(stems[t % stems.count])_\(t)"
            var columns = [MetadataSnapshot.Column(name: "id", type: "integer")]
            if t > 0 { columns.append(MetadataSnapshot.Column(name: "parent_id", type: "integer")) }
            while columns.count < columnsPerTable {
                columns.append(MetadataSnapshot.Column(name: "\(stems[(t + columns.count) % stems.count])_col_\(columns.count)", type: "text"))
            }
            relations.append(MetadataSnapshot.Relation(schema: "public", name: name, kind: t % 10 == 9 ? .view : .table, columns: columns))
            if t > 0 {
                foreignKeys.append(MetadataSnapshot.ForeignKey(schema: "public", table: name, columns: ["parent_id"],
                                                               referencedSchema: "public", referencedTable: relations[t - 1].name, referencedColumns: ["id"]))
            }
        }
        var functions: [MetadataSnapshot.Function] = []
        for f in 0..<300 {
            functions.append(MetadataSnapshot.Function(schema: "public", name: "fn_\(stems[f % stems.count])_\(f)", arguments: "integer", result: "integer"))
        }
        for f in 0..<2_500 {
            functions.append(MetadataSnapshot.Function(schema: "pg_catalog", name: "builtin_\(f)", arguments: "", result: "text"))
        }
        let types = ["int4", "int8", "text", "varchar", "numeric", "bool", "timestamptz", "jsonb"]
            .map { MetadataSnapshot.DataType(schema: "pg_catalog", name: $0) }
        return MetadataSnapshot(schemas: [.init(name: "public"), .init(name: "pg_catalog"), .init(name: "information_schema")],
                                relations: relations, functions: functions, types: types, foreignKeys: foreignKeys,
                                roles: ["postgres"], databases: ["postgres"], searchPath: ["pg_catalog", "public"])
    }
}
