import Foundation
import PsqluiPluginAPI

/// The host's `QueryService` on a `PGSession`: plugin commands query the user's
/// session; metadata hooks get one on the metadata connection.
///
/// libpq calls block, so each query runs on a dedicated thread, never on the
/// cooperative pool (2 threads here). The session is not thread-safe: the REPL is
/// blocked waiting for the command while its queries run, so only one user at a time.
public final class SessionQueryService: QueryService, @unchecked Sendable {
    private let session: PGSession

    /// Called with each query before it runs (psql's `ECHO_HIDDEN` shows it there);
    /// returning false skips it with an empty result (`ECHO_HIDDEN noexec`).
    public var beforeQuery: ((String) -> Bool)?

    /// A service running queries on `session`.
    public init(session: PGSession) { self.session = session }

    public func query(_ sql: String) async throws -> QueryTable {
        if let beforeQuery, !beforeQuery(sql) { return QueryTable(columns: [], rows: [], commandTag: "") }
        return try await withCheckedThrowingContinuation { (c: CheckedContinuation<QueryTable, Error>) in
            let session = self.session
            let thread = Thread {
                let collector = RowCollector()
                switch session.execute(sql, consumer: collector) {
                case .success:
                    c.resume(returning: QueryTable(columns: collector.columnInfo, rows: collector.rows,
                                                   commandTag: collector.tags.last ?? ""))
                case .serverError(let message, let sqlState):
                    c.resume(throwing: QueryError(message: Self.firstLine(message), sqlState: sqlState ?? ""))
                case .connectionLost(let messages):
                    c.resume(throwing: QueryError(message: Self.firstLine(messages.joined()), sqlState: "08006"))
                case .outputError(let message, _):
                    c.resume(throwing: QueryError(message: message))
                }
            }
            thread.start()
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
