import PsqluiCore
import PsqluiPluginAPI

/// Receives a `\gset` query's result: psql stores the single row's columns as
/// variables (`PREFIX` + column name; NULL unsets), and refuses zero or many rows.
final class GsetCollector: QueryResultConsumer {
    private(set) var columns: [String] = []
    private(set) var firstRow: [String?]?
    private(set) var rowCount = 0
    private(set) var sawRows = false

    var batchSize: Int { 16 }

    func resultStarted(columns: [ColumnInfo]) throws {
        self.columns = columns.map(\.name)
        firstRow = nil
        rowCount = 0
        sawRows = true
    }

    func rows(_ batch: RowBatch) throws {
        if firstRow == nil && batch.rowCount > 0 {
            firstRow = (0..<batch.columnCount).map { batch[0, $0].string }
        }
        rowCount += batch.rowCount
    }

    func resultFinished(rowCount: Int, commandTag: String) throws {}
    func commandCompleted(tag: String) throws {}

    /// psql's message when the result cannot be stored, else nil.
    var problem: String? {
        if !sawRows { return nil }
        if rowCount == 0 { return "no rows returned for \\gset" }
        if rowCount > 1 { return "more than one row returned for \\gset" }
        return nil
    }
}
