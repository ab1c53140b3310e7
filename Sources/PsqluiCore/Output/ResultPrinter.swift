import PsqluiPluginAPI

/// Shows query results on the screen (or `-o`'s file) as psql does, in every
/// `\pset` format. By default a result is printed once it is complete, sized over
/// all its rows (as `psql -X`): the rows wait in a `ResultSpool` (the first chunk in
/// memory, the rest in an unlinked temporary file) while they are measured. With
/// FETCH_COUNT N (`settings.fetchCount`) the result is printed in pieces of N rows,
/// each sized on its own, as psql's cursor mode does. It is a
/// `QueryResultConsumer`, fed directly from the session.
public final class ResultPrinter: QueryResultConsumer {
    /// Rows kept in memory before spooling to the temporary file.
    public static let chunkSize = 1000

    public var settings: PrintSettings
    private let out: OutputBuffer
    private var columns: [ColumnInfo] = []
    private var spool: ResultSpool?
    private var measure: TableMeasure?
    private var priorRecords = 0
    private var piecesPrinted = 0
    private var numericFormatter: NumericLocaleFormatter?

    public init(out: OutputBuffer, settings: PrintSettings) {
        self.out = out
        self.settings = settings
    }

    public var batchSize: Int { settings.fetchCount > 0 ? settings.fetchCount : Self.chunkSize }

    public func resultStarted(columns: [ColumnInfo]) throws {
        self.columns = columns
        priorRecords = 0
        piecesPrinted = 0
        numericFormatter = settings.numericLocale ? NumericLocaleFormatter(columns: columns) : nil
        startPiece()
    }

    private func startPiece() {
        spool = ResultSpool(columnCount: columns.count, memoryRows: settings.fetchCount > 0 ? settings.fetchCount : Self.chunkSize)
        measure = settings.format.isAligned ? TableMeasure(columnCount: columns.count, nullString: Array(settings.nullString.utf8), encoding: settings.clientEncoding) : nil
    }

    public func rows(_ batch: RowBatch) throws {
        if let numericFormatter {
            try numericFormatter.format(batch) { try take($0) }
        } else {
            try take(batch)
        }
    }

    private func take(_ batch: RowBatch) throws {
        let chunk = settings.fetchCount
        guard chunk > 0, batch.columnCount > 0 else {
            try spool?.append(batch)
            measure?.add(batch)
            return
        }
        // FETCH_COUNT: pieces of exactly `chunk` rows; a full piece is printed when
        // the next row arrives (psql prints the last piece with the footer).
        var r = 0
        let n = batch.columnCount
        while r < batch.rowCount {
            if let spool, spool.rowCount == chunk { try printPiece(final: false) }
            let have = spool?.rowCount ?? 0
            let k = min(batch.rowCount - r, chunk - have)
            let part = RowBatch(cells: UnsafeBufferPointer(rebasing: batch.cells[(r * n)..<((r + k) * n)]), columnCount: n)
            try spool?.append(part)
            measure?.add(part)
            r += k
        }
    }

    public func resultFinished(rowCount: Int, commandTag: String) throws {
        if settings.fetchCount > 0, let spool, spool.rowCount == settings.fetchCount {
            try printPiece(final: false)
        }
        try printPiece(final: true, totalRows: rowCount)
        spool = nil
        measure = nil
        if settings.showCommandTags, CommandTagRule.isShownAfterRows(commandTag) { try printTag(commandTag) }
    }

    public func commandCompleted(tag: String) throws {
        guard settings.showCommandTags else { return }
        try printTag(tag)
    }

    /// With SHOW_ALL_RESULTS off only the query string's last result is shown.
    public func resultFinished(rowCount: Int, commandTag: String, isLast: Bool) throws {
        guard isLast || settings.showAllResults else { return discardResult() }
        try resultFinished(rowCount: rowCount, commandTag: commandTag)
    }

    public func commandCompleted(tag: String, isLast: Bool) throws {
        guard isLast || settings.showAllResults else { return }
        try commandCompleted(tag: tag)
    }

    /// Forgets the current result's rows without printing them (a result psql does
    /// not show, or one `\gset` stored).
    public func discardResult() {
        spool = nil
        measure = nil
    }

    /// A command tag on its line; in html a paragraph, escaped (psql's PrintQueryStatus).
    private func printTag(_ tag: String) throws {
        if settings.format == .html {
            try out.append("<p>")
            var tag = tag
            try tag.withUTF8 { try MarkupTableWriter.appendHTML($0, to: out) }
            try out.append("</p>\n")
        } else {
            try out.append(tag)
            try out.append(UInt8(ascii: "\n"))
        }
    }

    private func printPiece(final: Bool, totalRows: Int? = nil) throws {
        guard let spool else { return }
        var segment = TableSegment(columns: columns, title: settings.title, footers: nil)
        segment.startTable = piecesPrinted == 0
        segment.stopTable = final
        segment.priorRecords = priorRecords
        // A result without columns has rows the batches cannot count.
        segment.rowCount = columns.isEmpty ? max((totalRows ?? 0) - priorRecords, 0) : spool.rowCount
        let measure = self.measure ?? TableMeasure(columnCount: columns.count, nullString: [])
        let writer = Self.writer(out: out, segment: segment, settings: settings, measure: measure)
        try writer.begin()
        try spool.replay(batchSize: Self.chunkSize) { try writer.write($0) }
        try writer.end()
        priorRecords += segment.rowCount
        piecesPrinted += 1
        if !final { startPiece() }
    }

    /// The writer psql's `printTable` would use for these settings (and, in
    /// `expanded auto`, for this piece's widths).
    static func writer(out: OutputBuffer, segment: TableSegment, settings: PrintSettings, measure: TableMeasure) -> TableWriter {
        let vertical = settings.expanded == .on
        switch settings.format {
        case .aligned, .wrapped:
            if vertical { return ExpandedRecordWriter(out: out, segment: segment, settings: settings, measure: measure) }
            let table = AlignedTableWriter(out: out, segment: segment, settings: settings, measure: measure)
            if settings.expanded == .auto && table.isTooWide {
                return ExpandedRecordWriter(out: out, segment: segment, settings: settings, measure: measure)
            }
            return table
        case .unaligned:
            return UnalignedWriter(out: out, segment: segment, settings: settings, vertical: vertical)
        case .csv, .html, .asciidoc, .latex, .latexLongtable, .troffMs:
            return MarkupTableWriter(out: out, segment: segment, settings: settings, vertical: vertical)
        }
    }

    /// Prints a whole table held in one batch (catalog listings, `\pset` previews):
    /// title and footers as given, every format and border as for query results.
    public static func printTable(columns: [ColumnInfo], batch: RowBatch?, title: String?, footers: [String]?,
                                  settings: PrintSettings, out: OutputBuffer) throws {
        var settings = settings
        var segment = TableSegment(columns: columns, title: title, footers: footers)
        segment.rowCount = batch?.rowCount ?? 0
        var measure = TableMeasure(columnCount: columns.count, nullString: Array(settings.nullString.utf8), encoding: settings.clientEncoding)
        settings.fetchCount = 0
        if let batch { measure.add(batch) }
        let writer = Self.writer(out: out, segment: segment, settings: settings, measure: measure)
        try writer.begin()
        if let batch { try writer.write(batch) }
        try writer.end()
    }
}
