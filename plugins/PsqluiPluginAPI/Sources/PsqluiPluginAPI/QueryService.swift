/// Runs SQL and returns the whole result as text — for commands and metadata hooks,
/// not for bulk data (exporters stream through `RowBatch` instead).
///
/// A command context's `session` runs on the user's connection. The service handed to
/// metadata hooks runs read-only on psqlui's separate metadata connection.
public protocol QueryService: AnyObject, Sendable {
    /// Runs one statement and returns its rows; throws `QueryError` when the server
    /// reports an error (or the connection is gone).
    func query(_ sql: String) async throws -> QueryTable
}

/// A complete, small query result: column descriptions and rows of text values.
public struct QueryTable: Sendable, Hashable {
    /// The result's columns.
    public var columns: [ColumnInfo]
    /// The rows; each has one value per column, nil for SQL NULL. Values are the
    /// server's text output.
    public var rows: [[String?]]
    /// The command tag (`SELECT 3`, `CREATE TABLE`), when known.
    public var commandTag: String

    /// Creates a result.
    public init(columns: [ColumnInfo], rows: [[String?]], commandTag: String = "") {
        self.columns = columns
        self.rows = rows
        self.commandTag = commandTag
    }

    /// The index of the first column called `name`, or nil.
    public func columnIndex(_ name: String) -> Int? { columns.firstIndex { $0.name == name } }

    /// The value at `row` in the first column called `column` (nil for NULL or no such column).
    public func value(row: Int, column: String) -> String? {
        guard let c = columnIndex(column), row < rows.count, c < rows[row].count else { return nil }
        return rows[row][c]
    }
}

/// An error the server (or libpq) reported for a query.
public struct QueryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The primary message (`relation "x" does not exist`).
    public var message: String
    /// The five-character SQLSTATE (`42P01`), empty when not from the server.
    public var sqlState: String
    /// The `DETAIL` line, if any.
    public var detail: String?
    /// The `HINT` line, if any.
    public var hint: String?

    /// Creates an error.
    public init(message: String, sqlState: String = "", detail: String? = nil, hint: String? = nil) {
        self.message = message
        self.sqlState = sqlState
        self.detail = detail
        self.hint = hint
    }

    /// The message, as psql shows it after `ERROR:`.
    public var description: String { message }
}
