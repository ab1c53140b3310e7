import PsqluiCore
import PsqluiPluginAPI

/// psql's `-L FILE` (`--log-file`): a statement's results go to their consumer and,
/// printed once more with the session's print settings, to the log file.
final class QueryLogTee: QueryResultConsumer {
    let inner: QueryResultConsumer
    let log: QueryResultConsumer

    init(wrapping inner: QueryResultConsumer, log: QueryResultConsumer) {
        self.inner = inner
        self.log = log
    }

    var batchSize: Int { inner.batchSize }
    /// Rows must come as rows: both consumers print them.
    var copyRoute: CopyRouteConsumer? { nil }
    func resultStarted(columns: [ColumnInfo]) throws {
        try inner.resultStarted(columns: columns)
        try log.resultStarted(columns: columns)
    }
    func rows(_ batch: RowBatch) throws {
        try inner.rows(batch)
        try log.rows(batch)
    }
    func resultFinished(rowCount: Int, commandTag: String) throws {
        try inner.resultFinished(rowCount: rowCount, commandTag: commandTag)
        try log.resultFinished(rowCount: rowCount, commandTag: commandTag)
    }
    func commandCompleted(tag: String) throws {
        try inner.commandCompleted(tag: tag)
        try log.commandCompleted(tag: tag)
    }
    func resultFinished(rowCount: Int, commandTag: String, isLast: Bool) throws {
        try inner.resultFinished(rowCount: rowCount, commandTag: commandTag, isLast: isLast)
        try log.resultFinished(rowCount: rowCount, commandTag: commandTag, isLast: isLast)
    }
    func commandCompleted(tag: String, isLast: Bool) throws {
        try inner.commandCompleted(tag: tag, isLast: isLast)
        try log.commandCompleted(tag: tag, isLast: isLast)
    }
    func copyOutCompleted(tag: String) throws {
        try inner.copyOutCompleted(tag: tag)
        try log.copyOutCompleted(tag: tag)
    }
}
