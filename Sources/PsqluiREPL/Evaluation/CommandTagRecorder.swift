import PsqluiCore
import PsqluiPluginAPI

/// Passes a statement's results on to the real consumer and notes the command
/// tags on the way (`CREATE TABLE`, `COMMIT`), so the evaluator can tell
/// listeners such as the metadata cache what ran.
final class CommandTagRecorder: QueryResultConsumer {
    let inner: QueryResultConsumer
    private(set) var tags: [String] = []

    init(wrapping inner: QueryResultConsumer) { self.inner = inner }

    var batchSize: Int { inner.batchSize }
    var copyRoute: CopyRouteConsumer? { inner.copyRoute }
    func resultStarted(columns: [ColumnInfo]) throws { try inner.resultStarted(columns: columns) }
    func rows(_ batch: RowBatch) throws { try inner.rows(batch) }
    func resultFinished(rowCount: Int, commandTag: String) throws {
        tags.append(commandTag)
        try inner.resultFinished(rowCount: rowCount, commandTag: commandTag)
    }
    func commandCompleted(tag: String) throws {
        tags.append(tag)
        try inner.commandCompleted(tag: tag)
    }
    func resultFinished(rowCount: Int, commandTag: String, isLast: Bool) throws {
        tags.append(commandTag)
        try inner.resultFinished(rowCount: rowCount, commandTag: commandTag, isLast: isLast)
    }
    func commandCompleted(tag: String, isLast: Bool) throws {
        tags.append(tag)
        try inner.commandCompleted(tag: tag, isLast: isLast)
    }
    func copyOutCompleted(tag: String) throws {
        tags.append(tag)
        try inner.copyOutCompleted(tag: tag)
    }
}
