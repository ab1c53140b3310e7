import PsqluiPluginAPI

/// The `aligned` and `expanded` export formats: the screen printer's own writers
/// (one implementation of psql's look, for the screen and for files), fed in chunks
/// of 1000 rows; the printer spools them and sizes columns over the whole result,
/// exactly like `psql -X`.
final class PrintFormatExporter: Exporter {
    private var settings: PrintSettings
    private let chunkSize: Int
    private var printer: ResultPrinter?
    private var chunk: RowChunkBuffer?

    init(settings: PrintSettings, chunkSize: Int = ResultPrinter.chunkSize) {
        self.settings = settings
        self.chunkSize = chunkSize
    }

    func open(columns: [ColumnInfo], output: OutputBuffer) async throws {
        let printer = ResultPrinter(out: output, settings: settings)
        try printer.resultStarted(columns: columns)
        self.printer = printer
        chunk = RowChunkBuffer(columns: columns, capacity: chunkSize)
    }

    func write(_ batch: RowBatch) throws {
        guard let printer, chunk != nil else { return }
        for r in 0..<batch.rowCount {
            chunk!.append(row: r, of: batch)
            if chunk!.isFull { try chunk!.drain { try printer.rows($0) } }
        }
    }

    func finish(rowCount: Int) async throws {
        guard let printer else { return }
        try chunk?.drain { try printer.rows($0) }
        try printer.resultFinished(rowCount: rowCount, commandTag: "")
    }

    private static func settings(from options: ExportOptions, expanded: Bool) throws -> PrintSettings {
        var s = PrintSettings()
        s.expanded = expanded ? .on : .off
        if let null = options["null"] { s.nullString = null }
        if let footer = try options.bool("footer") { s.footer = footer }
        s.showCommandTags = false
        return s
    }

    static let alignedSpec = ExporterSpec(
        name: "aligned",
        summary: "psql's aligned table (psql -X), widths over the whole result (spooled, flat memory)",
        fileExtension: "txt",
        options: [ExportOptionSpec(name: "null", summary: "text shown for NULL", defaultValue: ""),
                  ExportOptionSpec(name: "footer", summary: "print the (N rows) footer", defaultValue: "on", allowedValues: ["on", "off"])],
        make: { PrintFormatExporter(settings: try settings(from: $0, expanded: false)) })

    static let expandedSpec = ExporterSpec(
        name: "expanded",
        summary: "psql's expanded records (psql -x), widths over the whole result (spooled, flat memory)",
        fileExtension: "txt",
        options: [ExportOptionSpec(name: "null", summary: "text shown for NULL", defaultValue: "")],
        make: { PrintFormatExporter(settings: try settings(from: $0, expanded: true)) })
}
