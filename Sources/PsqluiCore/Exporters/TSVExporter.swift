import PsqluiPluginAPI

/// Tab-separated values in PostgreSQL's text `COPY` format, with a header line.
///
/// Byte-for-byte `COPY (…) TO STDOUT (FORMAT text, HEADER)`: fields separated by TAB,
/// NULL as `\N`, and backslash, TAB, LF, CR, backspace, form feed and vertical tab
/// written as `\\`, `\t`, `\n`, `\r`, `\b`, `\f`, `\v`. So a value never spans lines or
/// fields (what `cut`, `awk`, Miller and pandas expect; pgcli's tsv escapes `\n` and
/// `\t` the same way), and the file reloads exactly with
/// `\copy t from 'f.tsv' (format text, header)`.
final class TSVExporter: Exporter {
    struct Settings: Equatable {
        var header = true
        var null = "\\N"
    }

    let settings: Settings
    private let escaper: ByteEscaper
    private var nullBytes: [UInt8]
    private var output: OutputBuffer!

    /// COPY text's escapes.
    static let copyTextEscapes = ByteEscaper([
        UInt8(ascii: "\\"): "\\\\", 8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t", 11: "\\v",
    ])

    init(_ settings: Settings) {
        self.settings = settings
        self.escaper = TSVExporter.copyTextEscapes
        self.nullBytes = Array(settings.null.utf8)
    }

    func open(columns: [ColumnInfo], output: OutputBuffer) async throws {
        self.output = output
        guard settings.header else { return }
        for (i, column) in columns.enumerated() {
            if i > 0 { try output.append(UInt8(9)) }
            try ExportSupport.withBytes(column.name) { try escaper.append($0, to: output) }
        }
        try output.append(UInt8(ascii: "\n"))
    }

    func write(_ batch: RowBatch) throws {
        let columns = batch.columnCount
        var index = 0
        try nullBytes.withUnsafeBufferPointer { null in
            for _ in 0..<batch.rowCount {
                for c in 0..<columns {
                    if c > 0 { try output.append(UInt8(9)) }
                    let cell = batch.cells[index]
                    if cell.isNull { try output.append(null) } else { try escaper.append(cell.bytes, to: output) }
                    index += 1
                }
                try output.append(UInt8(ascii: "\n"))
            }
        }
    }

    func finish(rowCount: Int) async throws {}

    /// The format's declaration for the registry.
    static let spec = ExporterSpec(
        name: "tsv",
        summary: "tab-separated, PostgreSQL COPY text format with a header (NULL as \\N; \\\\ \\t \\n \\r escaped); reloads with \\copy … (format text, header)",
        fileExtension: "tsv",
        options: [
            ExportOptionSpec(name: "header", summary: "write a header line with the column names", defaultValue: "on", allowedValues: ["on", "off"]),
            ExportOptionSpec(name: "null", summary: "text written for NULL", defaultValue: "\\N"),
        ],
        make: { options in
            var s = Settings()
            s.header = try options.bool("header") ?? true
            if let null = options["null"] { s.null = null }
            return TSVExporter(s)
        })
}
