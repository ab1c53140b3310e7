import PsqluiCore
import PsqluiPluginAPI

/// Receives a `\gset` query's results: psql stores the last result's single row as
/// variables (`PREFIX` + column name; NULL unsets), and refuses zero or many rows.
/// The results before the last (`select 1 \; select 2 \gset`) are shown as any
/// result is, by `others`.
final class GsetCollector: QueryResultConsumer {
    private(set) var columns: [String] = []
    private(set) var firstRow: [String?]?
    private(set) var rowCount = 0
    private(set) var sawRows = false
    /// Prints the results that are not the last one.
    private let others: ResultPrinter?

    init(others: ResultPrinter? = nil) {
        self.others = others
    }

    var batchSize: Int { 16 }

    func resultStarted(columns: [ColumnInfo]) throws {
        self.columns = columns.map(\.name)
        firstRow = nil
        rowCount = 0
        sawRows = true
        try others?.resultStarted(columns: columns)
    }

    func rows(_ batch: RowBatch) throws {
        if firstRow == nil && batch.rowCount > 0 {
            firstRow = (0..<batch.columnCount).map { batch[0, $0].string }
        }
        rowCount += batch.rowCount
        try others?.rows(batch)
    }

    func resultFinished(rowCount: Int, commandTag: String) throws {}
    func commandCompleted(tag: String) throws {}

    func resultFinished(rowCount: Int, commandTag: String, isLast: Bool) throws {
        if isLast {
            others?.discardResult()
            return
        }
        sawRows = false
        firstRow = nil
        try others?.resultFinished(rowCount: rowCount, commandTag: commandTag, isLast: false)
    }

    func commandCompleted(tag: String, isLast: Bool) throws {
        try others?.commandCompleted(tag: tag, isLast: isLast)
    }

    /// psql's message when the result cannot be stored, else nil.
    var problem: String? {
        if !sawRows { return nil }
        if rowCount == 0 { return "no rows returned for \\gset" }
        if rowCount > 1 { return "more than one row returned for \\gset" }
        return nil
    }
}
