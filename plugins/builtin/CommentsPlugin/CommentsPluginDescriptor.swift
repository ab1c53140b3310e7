import PsqluiPluginAPI

/// The built-in `comments` plugin: a metadata hook that reads `COMMENT ON` texts of
/// relations and columns (`pg_description`) into the metadata annotations, where
/// `:describe` and completion can show them.
public final class CommentsPluginDescriptor: PluginDescriptor {
    public init() {}
    public var name: String { "comments" }
    public var version: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var minimumCoreVersion: SemanticVersion { SemanticVersion(0, 1, 0) }
    public var summary: String { "COMMENT ON texts of tables and columns in the metadata cache" }
    public var hasMetadataHooks: Bool { true }

    public func activate(_ ctx: PluginContext) async throws -> PluginProviders {
        PluginProviders(metadataHooks: [CommentsHook()])
    }
}

/// Reads relation and column comments into `MetadataAnnotationKey.comment`.
public final class CommentsHook: MetadataHook {
    public init() {}
    public var name: String { "comments" }

    /// Comments on relations (objsubid 0) and on live columns, outside system schemas.
    public static let sql = """
        SELECT n.nspname AS schema, c.relname AS relation, a.attname AS column, d.description AS comment
        FROM pg_catalog.pg_description d
        JOIN pg_catalog.pg_class c ON d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = c.oid
        JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum = d.objsubid AND NOT a.attisdropped
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
          AND (d.objsubid = 0 OR a.attname IS NOT NULL)
        ORDER BY 1, 2, 3
        """

    public func enrich(_ annotations: MetadataAnnotations, using queries: QueryService) async throws {
        let table = try await queries.query(Self.sql)
        for row in table.rows.indices {
            guard let schema = table.value(row: row, column: "schema"), let relation = table.value(row: row, column: "relation"),
                  let comment = table.value(row: row, column: "comment") else { continue }
            annotations.set(comment, key: MetadataAnnotationKey.comment,
                            for: MetadataObjectName(schema: schema, relation: relation, column: table.value(row: row, column: "column")))
        }
    }
}
