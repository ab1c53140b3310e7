import FoundationEssentials
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
    /// Rows whose bytes reached the writer (the COPY path holds up to 64 kB back):
    /// what a failed export says it left in a file.
    public private(set) var rowsWritten = 0
    private var exporter: Exporter?
    /// The COPY fast path's state (see `copyOptions`).
    var copyLineRoute: CopyLineRoute?
    var copyHeader = false
    lazy var copyScratch = ByteScratch()

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

    /// The columns of a result whose exporter is not open yet. The exporter opens
    /// (and writes its header) with the first batch or at the result's end, so a
    /// query that fails inside its first batch writes nothing, as psql (which holds
    /// the whole result) prints only the error.
    private var pendingColumns: [ColumnInfo]?

    public func resultStarted(columns: [ColumnInfo]) throws {
        pendingColumns = columns
    }

    private func openPendingResult() throws {
        guard let columns = pendingColumns else { return }
        pendingColumns = nil
        let exporter = try wrap { try spec.make(options) }
        self.exporter = exporter
        let output = writer.buffer!
        try wrap { try BlockingAsync.run { try await exporter.open(columns: columns, output: output) } }
    }

    public func rows(_ batch: RowBatch) throws {
        try openPendingResult()
        try wrap { try exporter?.write(batch) }
        rowCount += batch.rowCount
        rowsWritten = rowCount
        progress?.update(rows: rowCount, bytes: writer.bytesWritten + writer.buffer.pendingCount)
    }

    public func resultFinished(rowCount: Int, commandTag: String) throws {
        try openPendingResult()
        guard let exporter else { return }
        self.exporter = nil
        try wrap { try BlockingAsync.run { try await exporter.finish(rowCount: rowCount) } }
        if showCommandTags, CommandTagRule.isShownAfterRows(commandTag) {
            try wrap { try writer.write(commandTag + "\n") }
        }
        try wrap { try writer.flush() }
    }

    public func commandCompleted(tag: String) throws {
        guard showCommandTags else { return }
        try wrap { try writer.write(tag + "\n") }
    }

    /// Runs `body`, passing a closed pipe through unchanged (the session treats it
    /// as the reader going away), a write failure as the destination's `FileError`,
    /// and naming the format in any other error.
    func wrap<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch OutputWriteError.brokenPipe {
            throw OutputWriteError.brokenPipe
        } catch let error as OutputWriteError {
            throw FileError(path: destinationName, error)
        } catch where error is ExportFailure || error is FileError {
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

// MARK: The COPY fast path

extension ExportConsumer: CopyRouteConsumer {
    /// The export takes COPY output itself.
    public var copyRoute: CopyRouteConsumer? { self }

    /// COPY's options when the format's bytes can be made from COPY output: the
    /// built-in csv (psql's, after `CopyRowRewriter`; roundtrip=on verbatim) and tsv
    /// (COPY text verbatim; HEADER in text needs PostgreSQL 15). Other formats,
    /// options COPY cannot express, or a plugin's own "csv" keep rows.
    public func copyOptions(serverVersion: Int) -> String? {
        guard let exporter = try? spec.make(options) else { return nil }
        var route: CopyLineRoute?
        var text: String?
        if let csv = exporter as? CSVExporter {
            let d = csv.settings.delimiter
            guard d != UInt8(ascii: "\\"), d != UInt8(ascii: "."), d != UInt8(ascii: "'") else { return nil }
            route = csv.settings.roundTrip ? .verbatim : .psqlCSV(delimiter: d)
            text = "FORMAT csv" + (csv.settings.header ? ", HEADER" : "")
                + (d == UInt8(ascii: ",") ? "" : ", DELIMITER '\(Character(Unicode.Scalar(d)))'")
            copyHeader = csv.settings.header
        } else if let tsv = exporter as? TSVExporter {
            guard tsv.settings.null == "\\N", !tsv.settings.header || serverVersion >= 150000 else { return nil }
            route = .verbatim
            text = "FORMAT text" + (tsv.settings.header ? ", HEADER" : "")
            copyHeader = tsv.settings.header
        }
        copyLineRoute = route
        return text
    }

    public func copyRow(_ line: UnsafeBufferPointer<UInt8>) throws {
        let scratch = copyScratch
        switch copyLineRoute {
        case .psqlCSV(let delimiter)?: CopyRowRewriter.appendPsqlCSV(line, delimiter: delimiter, to: scratch)
        default: scratch.reserve(line.count); scratch.appendReserved(line)
        }
        if copyHeader {
            copyHeader = false
        } else {
            rowCount += 1
        }
        if scratch.count >= 64 * 1024 {
            try wrap { try scratch.flush(to: writer.buffer!) }
            rowsWritten = rowCount
            progress?.update(rows: rowCount, bytes: writer.bytesWritten + writer.buffer.pendingCount)
        }
    }

    public func copyFinished(rowCount: Int, commandTag: String) throws {
        try wrap { try copyScratch.flush(to: writer.buffer!) }
        rowsWritten = self.rowCount
        if showCommandTags, CommandTagRule.isShownAfterRows(commandTag) {
            try wrap { try writer.write(commandTag + "\n") }
        }
        try wrap { try writer.flush() }
    }
}

/// How COPY's lines become the format's bytes.
enum CopyLineRoute {
    case verbatim
    case psqlCSV(delimiter: UInt8)
}
