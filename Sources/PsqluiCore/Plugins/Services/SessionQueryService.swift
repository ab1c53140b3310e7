import FoundationEssentials
import PsqluiPluginAPI

/// The host's `QueryService` on a `PGSession`: plugin commands query the user's
/// session; metadata hooks get one on the metadata connection.
///
/// libpq calls block and the session is not thread-safe, so each query runs on the
/// thread that owns the session, which waits for the command or hook meanwhile
/// (`SessionExecutor`): never on the cooperative pool, never beside the REPL.
public final class SessionQueryService: QueryService, @unchecked Sendable {
    private let executor: SessionExecutor

    /// Called with each query before it runs (psql's `ECHO_HIDDEN` shows it there);
    /// returning false skips it (`ECHO_HIDDEN noexec`): the query throws
    /// `CatalogCommandFailed`, so the command fails without a message, as psql's.
    public var beforeQuery: ((String) -> Bool)?

    /// A service running queries through `executor`.
    public init(executor: SessionExecutor) { self.executor = executor }

    public func query(_ sql: String) async throws -> QueryTable {
        if let beforeQuery, !beforeQuery(sql) { throw CatalogCommandFailed() }
        let table: Result<QueryTable, QueryError>
        do {
            table = try await executor.perform { session in Self.run(sql, on: session) }
        } catch {
            throw QueryError(message: "\(error)")
        }
        return try table.get()
    }

    private static func run(_ sql: String, on session: PGSession) -> Result<QueryTable, QueryError> {
        let collector = RowCollector()
        switch session.execute(sql, consumer: collector) {
        case .success:
            return .success(QueryTable(columns: collector.columnInfo, rows: collector.rows, commandTag: collector.tags.last ?? ""))
        case .serverError(let message, let sqlState):
            return .failure(QueryError(message: firstLine(message), sqlState: sqlState ?? ""))
        case .connectionLost(let messages):
            return .failure(QueryError(message: firstLine(messages.joined()), sqlState: "08006"))
        case .outputError(let message, _):
            return .failure(QueryError(message: message))
        }
    }

    /// libpq's message without `ERROR:  ` and the trailing newline (the plugin and the
    /// host add their own framing).
    static func firstLine(_ message: String) -> String {
        var m = message.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? message
        for prefix in ["ERROR:  ", "FATAL:  "] where m.hasPrefix(prefix) { m = String(m.dropFirst(prefix.count)) }
        return m
    }
}
