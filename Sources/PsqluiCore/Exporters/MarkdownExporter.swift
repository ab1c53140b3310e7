import PsqluiPluginAPI

/// A GitHub-flavoured Markdown table.
///
/// One header row (the column names), a delimiter row (`---:` for numeric columns, so
/// they render right-aligned as in psql), one row per result row. In cells `|` and
/// `\` are backslash-escaped, `<` and `&` become `&lt;` and `&amp;` (so values never
/// turn into HTML), and line breaks (LF, CR LF, CR) become `<br>`. NULL and '' are
/// empty cells.
final class MarkdownExporter: Exporter {
    static let cellEscaper = ByteEscaper([
        UInt8(ascii: "|"): "\\|", UInt8(ascii: "\\"): "\\\\", UInt8(ascii: "<"): "&lt;",
        UInt8(ascii: "&"): "&amp;", 10: "<br>", 13: "<br>",
    ])

    private let escaper = MarkdownExporter.cellEscaper
    private var output: OutputBuffer!

    func open(columns: [ColumnInfo], output: OutputBuffer) async throws {
        self.output = output
        guard !columns.isEmpty else { return }
        try output.append(UInt8(ascii: "|"))
        for column in columns {
            try output.append(UInt8(ascii: " "))
            try ExportSupport.withBytes(column.name) { try writeCell($0) }
            try output.append(" |" as StaticString)
        }
        try output.append("\n|" as StaticString)
        for column in columns {
            try output.append(TypeOID.isNumeric(column.typeOID) ? " ---: |" as StaticString : " --- |" as StaticString)
        }
        try output.append(UInt8(ascii: "\n"))
    }

    func write(_ batch: RowBatch) throws {
        let columns = batch.columnCount
        guard columns > 0 else { return }
        var index = 0
        for _ in 0..<batch.rowCount {
            try output.append(UInt8(ascii: "|"))
            for _ in 0..<columns {
                try output.append(UInt8(ascii: " "))
                try writeCell(batch.cells[index].bytes)
                try output.append(" |" as StaticString)
                index += 1
            }
            try output.append(UInt8(ascii: "\n"))
        }
    }

    func finish(rowCount: Int) async throws {}

    /// Escapes a cell, folding CR LF into a single `<br>`.
    private func writeCell(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        var i = 0
        while i + 1 < bytes.count {
            if base[i] == 13 && base[i + 1] == 10 {
                try escaper.append(UnsafeBufferPointer(start: base + start, count: i - start), to: output)
                try output.append("<br>" as StaticString)
                i += 2
                start = i
            } else {
                i += 1
            }
        }
        try escaper.append(UnsafeBufferPointer(start: base + start, count: bytes.count - start), to: output)
    }

    /// The format's declaration for the registry.
    static let spec = ExporterSpec(
        name: "markdown",
        summary: "a GitHub-flavoured Markdown table (| \\ < & escaped, line breaks as <br>)",
        fileExtension: "md",
        make: { _ in MarkdownExporter() })
}
