import PsqluiPluginAPI

/// Receives what one statement (or one multi-statement string) produces, as libpq
/// delivers it: for every result set, its columns, then batches of rows, then its end;
/// for every command without rows, its tag. The screen printer and the exporters
/// are both consumers, so large results stream to either without being held.
public protocol QueryResultConsumer: AnyObject {
    /// How many rows the consumer wants per batch (the aligned printer wants 1000,
    /// psql's FETCH_COUNT chunk; exporters want a few hundred).
    var batchSize: Int { get }
    /// A result set begins.
    func resultStarted(columns: [ColumnInfo]) throws
    /// The next rows of the current result set. Valid only during the call.
    func rows(_ batch: RowBatch) throws
    /// The current result set ended after `rowCount` rows; `commandTag` is e.g.
    /// `SELECT 3` or `INSERT 0 1` (for `INSERT … RETURNING`).
    func resultFinished(rowCount: Int, commandTag: String) throws
    /// A command without rows completed (`CREATE TABLE`, `INSERT 0 3`).
    func commandCompleted(tag: String) throws
    /// `resultFinished(rowCount:commandTag:)`, saying whether the result was the last
    /// of the query string. Results end as psql ends them: once the next result
    /// (or the end) has arrived, so the notices of the next statement come first.
    /// SHOW_ALL_RESULTS off shows only the last; `\gset` stores only the last.
    /// The default calls `resultFinished(rowCount:commandTag:)`.
    func resultFinished(rowCount: Int, commandTag: String, isLast: Bool) throws
    /// `commandCompleted(tag:)`, saying whether it was the query string's last
    /// result. The default calls `commandCompleted(tag:)`.
    func commandCompleted(tag: String, isLast: Bool) throws
    /// A `COPY … TO STDOUT` ended (`COPY 3`); its data went to the copy-out writer,
    /// which is the query output unless the caller chose another (`\copy … to FILE`).
    /// psql prints no tag after data copied to its own output, so the default shows
    /// nothing; a consumer that keeps tags (or knows the data went elsewhere) overrides it.
    func copyOutCompleted(tag: String) throws
    /// The consumer that takes the COPY fast path (this one, or the one a wrapper
    /// passes results to), nil when rows must come as rows. A requirement rather than
    /// a dynamic cast: `PGSession.execute` asks it for every statement.
    var copyRoute: CopyRouteConsumer? { get }
}

public extension QueryResultConsumer {
    func copyOutCompleted(tag: String) throws {}
    func resultFinished(rowCount: Int, commandTag: String, isLast: Bool) throws {
        try resultFinished(rowCount: rowCount, commandTag: commandTag)
    }
    func commandCompleted(tag: String, isLast: Bool) throws { try commandCompleted(tag: tag) }
}

/// psql's rule for a command tag after rows: shown for INSERT/UPDATE/DELETE/MERGE …
/// RETURNING, never for SELECT, FETCH or the like (psql's `PrintQueryResult`).
public enum CommandTagRule {
    public static func isShownAfterRows(_ tag: String) -> Bool {
        ["INSERT", "UPDATE", "DELETE", "MERGE"].contains(where: { tag.hasPrefix($0) })
    }
}
