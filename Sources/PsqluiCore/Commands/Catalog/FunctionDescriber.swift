import FoundationEssentials
import PsqluiPluginAPI

/// `:describe` for functions and procedures (psql's `\d` has none): signature,
/// result type, language and volatility; with `+` the source too.
public struct FunctionDescriber: Sendable {
    /// Where the catalog queries run.
    public let service: QueryService
    /// `+`: add the source.
    public let verbose: Bool

    /// A describer running on `service`.
    public init(service: QueryService, verbose: Bool) {
        self.service = service
        self.verbose = verbose
    }

    /// The query for functions matching `pattern` (visible ones when no schema is given).
    public static func sql(pattern: String) throws -> String {
        let conditions = try SQLNamePattern.conditions(pattern, schema: "n.nspname", name: "p.proname",
                                                       visibility: "pg_catalog.pg_function_is_visible(p.oid)")
        return """
            SELECT n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid),
              pg_catalog.pg_get_function_result(p.oid), pg_catalog.pg_get_function_arguments(p.oid),
              CASE p.prokind WHEN 'a' THEN 'agg' WHEN 'w' THEN 'window' WHEN 'p' THEN 'proc' ELSE 'func' END,
              l.lanname,
              CASE p.provolatile WHEN 'i' THEN 'immutable' WHEN 's' THEN 'stable' ELSE 'volatile' END,
              p.prosrc, pg_catalog.obj_description(p.oid, 'pg_proc')
            FROM pg_catalog.pg_proc p
              LEFT JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
              LEFT JOIN pg_catalog.pg_language l ON l.oid = p.prolang

            """ + CatalogListingSQL.whereClause(conditions) + "ORDER BY 1, 2, 3;"
    }

    /// One table per matching function.
    public func describe(pattern: String) async throws -> [CatalogTable] {
        let r = try await service.query(Self.sql(pattern: pattern))
        return r.rows.map { v in
            let title = "Function \"\(v[0] ?? "").\(v[1] ?? "")(\(v[2] ?? ""))\""
            var rows: [[String?]] = [
                ["Arguments", v[4]], ["Returns", v[3]], ["Kind", v[5]], ["Language", v[6]], ["Volatility", v[7]],
            ]
            if verbose, let d = v[9] { rows.append(["Description", d]) }
            var footers: [String] = []
            if verbose, let src = v[8] {
                footers.append("Source:")
                footers += src.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            }
            return CatalogTable(title: title, columns: [ColumnInfo(name: "Property", typeOID: TypeOID.text), ColumnInfo(name: "Value", typeOID: TypeOID.text)],
                                rows: rows, footers: footers)
        }
    }
}
