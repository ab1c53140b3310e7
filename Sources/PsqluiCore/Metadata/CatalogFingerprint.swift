/// A cheap picture of "has the catalog changed?", read in one round trip that
/// scans nothing: the server's tuple counters (inserted/updated/deleted) of every
/// catalog completion reads, plus the search path and server version.
///
/// Any DDL inserts, updates or deletes catalog rows, so it moves a counter; the
/// counters are cumulative and not transactional (a rolled-back CREATE moves
/// them too: one needless reload, never a stale cache). Other sessions report
/// their counters when they go idle, at most about a second late; a stats reset
/// or crash zeroes them, which reads as a change. With `track_counts` off the
/// counters never move, so the stamp falls back to counting and summing the
/// `xmin` of pg_class and pg_attribute (a scan, but correct).
///
/// `key` names the cache file: server system identifier, database OID, user.
public struct CatalogFingerprint: Hashable, Sendable {
    /// `systemidentifier-databaseoid-user` (the disk cache's key).
    public var key: String
    /// Changes whenever the catalog may have changed.
    public var stamp: String

    public init(key: String, stamp: String) { self.key = key; self.stamp = stamp }

    /// Catalogs whose rows completion reads.
    static let catalogs = [
        "pg_namespace", "pg_class", "pg_attribute", "pg_proc", "pg_type", "pg_constraint", "pg_index",
        "pg_trigger", "pg_description", "pg_enum", "pg_policy", "pg_rewrite", "pg_extension", "pg_collation",
        "pg_tablespace", "pg_authid", "pg_database", "pg_attrdef",
    ]

    /// The one query: key parts, then the stamp.
    public static let sql: String = {
        let list = catalogs.map { "'pg_catalog.\($0)'" }.joined(separator: ",")
        return """
            SELECT coalesce((SELECT s.system_identifier::text FROM pg_catalog.pg_control_system() s), ''),
                   (SELECT d.oid::text FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()),
                   current_user::text,
                   pg_catalog.current_setting('server_version_num') || ';'
                   || pg_catalog.array_to_string(pg_catalog.current_schemas(true), ',') || ';'
                   || coalesce(pg_catalog.pg_stat_get_db_stat_reset_time(
                        (SELECT d.oid FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()))::text, '') || ';'
                   || (SELECT pg_catalog.string_agg(pg_catalog.pg_stat_get_tuples_inserted(c.oid) || '/'
                           || pg_catalog.pg_stat_get_tuples_updated(c.oid) || '/' || pg_catalog.pg_stat_get_tuples_deleted(c.oid), ',' ORDER BY c.n)
                       FROM unnest(ARRAY[\(list)]::pg_catalog.regclass[]) WITH ORDINALITY AS c(oid, n)),
                   pg_catalog.current_setting('track_counts')
            """
    }()

    /// With `track_counts` off the counters stand still: count and sum what is there
    /// instead (a scan of two catalogs; kept out of the main query, whose plan cost
    /// would otherwise switch on JIT compilation for every check).
    public static let untrackedSQL = """
        SELECT (SELECT count(*) || '/' || sum(xmin::text::bigint) FROM pg_catalog.pg_class) || ','
               || (SELECT count(*) || '/' || sum(xmin::text::bigint) FROM pg_catalog.pg_attribute)
        """

    /// From the query's one row; nil when it is not one.
    public static func parse(_ rows: [[String?]]) -> CatalogFingerprint? {
        guard let row = rows.first, row.count >= 4, let stamp = row[3] else { return nil }
        let key = [row[0] ?? "", row[1] ?? "", row[2] ?? ""].joined(separator: "-")
        return CatalogFingerprint(key: key, stamp: stamp)
    }

    /// Reads the fingerprint on `session` (blocking).
    public static func read(using session: PGSession) throws -> CatalogFingerprint? {
        let rows = try session.query(sql).rows
        guard var fp = parse(rows) else { return nil }
        if let row = rows.first, row.count > 4, row[4] == "off" {
            let counted = try session.query(untrackedSQL).rows
            let first: String? = counted.first.flatMap { $0.first ?? nil }
            fp.stamp += ";" + (first ?? "")
        }
        return fp
    }
}
