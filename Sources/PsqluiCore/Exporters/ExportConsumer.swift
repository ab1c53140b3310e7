import Foundation
import PsqluiPluginAPI

/// Streams query results into an export format: for each result set a fresh
/// `Exporter` from the spec is opened, fed the rows in batches of 1000 as libpq
/// delivers them, and finished; its bytes go through the sink's `OutputBuffer`
/// straight to the file descriptor. Commands without rows print their tag (as psql's
/// csv format does) when `showCommandTags` is on.
///
/// Runs on the REPL's thread (not the cooperative pool): the exporter's async `open`
/// and `finish` are waited for there (`BlockingAsync`).
public final class ExportConsumer: QueryResultConsumer {
    public let spec: ExporterSpec
    public let options: ExportOptions
    public let writer: FileDescriptorWriter
    /// Where errors other than a closed pipe are said to have happened.
    public let destinationName: String
    public var progress: ExportProgress?
    public var showCommandTags: Bool
    /// Rows exported so far, over every result set.
    public private(set) var rowCount = 0
    private var exporter: Exporter?

    public init(spec: ExporterSpec, options: ExportOptions, writer: FileDescriptorWriter,
                destinationName: String, showCommandTags: Bool = false, progress: ExportProgress? = nil) {
        self.spec = spec
        self.options = options
        self.writer = writer
        self.destinationName = destinationName
        self.showCommandTags = showCommandTags
        self.progress = progress
    }

    public var batchSize: Int { 1000 }

    public func resultStarted(columns: [ColumnInfo]) throws {
        let exporter = try wrap { try spec.make(options) }
        self.exporter = exporter
        let output = writer.buffer!
        try wrap { try BlockingAsync.run { try await exporter.open(columns: columns, output: output) } }
    }

    public func rows(_ batch: RowBatch) throws {
        try wrap { try exporter?.write(batch) }
        rowCount += batch.rowCount
        progress?.update(rows: rowCount, bytes: writer.bytesWritten + writer.buffer.pendingCount)
    }

    public func resultFinished(rowCount: Int, commandTag: String) throws {
        guard let exporter else { return }
        self.exporter = nil
        try wrap { try BlockingAsync.run { try await exporter.finish(rowCount: rowCount) } }
        try wrap { try writer.flush() }
    }

    public func commandCompleted(tag: String) throws {
        guard showCommandTags else { return }
        try wrap { try writer.write(tag + "\n") }
    }

    /// Runs `body`, passing a closed pipe through unchanged (the session treats it
    /// as the reader going away) and naming the format and destination in any other
    /// error.
    private func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch OutputWriteError.brokenPipe {
            throw OutputWriteError.brokenPipe
        } catch let error as OutputWriteError {
            throw ExportFailure(message: "\(destinationName): \(error)")
        } catch let error as ExportFailure {
            throw error
        } catch {
            throw ExportFailure(message: "\(spec.name) export failed: \(error)")
        }
    }
}

/// An export that failed for a reason other than the reader closing the pipe.
public struct ExportFailure: Error, CustomStringConvertible {
    public var message: String
    public init(message: String) { self.message = message }
    public var description: String { message }
}
