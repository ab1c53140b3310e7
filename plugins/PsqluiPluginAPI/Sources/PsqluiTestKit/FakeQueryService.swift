import PsqluiPluginAPI
import Synchronization

/// A `QueryService` that answers from a closure (or fixed tables by exact SQL) and
/// records every query it was asked, for assertions. Use a real server when the
/// database's behaviour is the point of the test.
public final class FakeQueryService: QueryService {
    private let answer: @Sendable (String) throws -> QueryTable
    private let log = Mutex<[String]>([])

    /// Answers every query with `answer(sql)`.
    public init(answer: @escaping @Sendable (String) throws -> QueryTable) { self.answer = answer }

    /// Answers the queries in `tables` by exact text; any other query throws a
    /// `QueryError` with SQLSTATE 42601.
    public convenience init(tables: [String: QueryTable]) {
        self.init { sql in
            guard let t = tables[sql] else { throw QueryError(message: "FakeQueryService has no answer for: \(sql)", sqlState: "42601") }
            return t
        }
    }

    /// Every query run so far, oldest first.
    public var queries: [String] { log.withLock { $0 } }

    public func query(_ sql: String) async throws -> QueryTable {
        log.withLock { $0.append(sql) }
        return try answer(sql)
    }
}

extension QueryTable {
    /// A table of text columns named `columns`, with `rows`.
    public static func text(_ columns: [String], _ rows: [[String?]]) -> QueryTable {
        QueryTable(columns: columns.map { ColumnInfo(name: $0, typeOID: TypeOID.text) }, rows: rows,
                   commandTag: "SELECT \(rows.count)")
    }
}
