import PsqluiPluginAPI

/// psql's expanded records (`psql -X -x`), streamed in chunks of `chunkSize` rows
/// (widths per chunk, as `psql -x -v FETCH_COUNT=1000`): a `-[ RECORD n ]-+-` rule,
/// then one `name | value` line per column; NULL shows as the `null` option. An empty
/// result prints `(0 rows)`, as psql does.
final class ExpandedTextExporter: Exporter {
    struct Settings: Equatable {
        var null = ""
        var chunkSize = 1000
    }

    private let settings: Settings
    private var output: OutputBuffer!
    private var headers = TextChunk(columnCount: 0)
    private var chunk = TextChunk(columnCount: 0)
    private var recordNumber = 0
    private let nullBytes: [UInt8]

    init(_ settings: Settings) {
        self.settings = settings
        nullBytes = Array(settings.null.utf8)
    }

    func open(columns: [ColumnInfo], output: OutputBuffer) async throws {
        self.output = output
        headers = TextChunk(columnCount: columns.count)
        for column in columns { ExportSupport.withBytes(column.name) { headers.append($0) } }
        chunk = TextChunk(columnCount: columns.count)
    }

    func write(_ batch: RowBatch) throws {
        guard batch.columnCount > 0 else { return }
        var index = 0
        for _ in 0..<batch.rowCount {
            for _ in 0..<batch.columnCount {
                let cell = batch.cells[index]
                if cell.isNull { nullBytes.withUnsafeBufferPointer { chunk.append($0) } } else { chunk.append(cell.bytes) }
                index += 1
            }
            if chunk.rowCount == settings.chunkSize { try printChunk() }
        }
    }

    func finish(rowCount: Int) async throws {
        if rowCount == 0 || headers.columnCount == 0 {
            try output.append(ExportSupport.rowCountFooter(rowCount))   // psql's empty-table path
            try output.append(UInt8(ascii: "\n"))
        } else if chunk.rowCount > 0 {
            try printChunk()
        }
        try output.append(UInt8(ascii: "\n"))
    }

    private func printChunk() throws {
        let columns = headers.columnCount
        var hwidth = 0
        for c in 0..<columns { hwidth = max(hwidth, headers.width(c)) }
        var dwidth = 0
        var dataMultiline = false
        for cell in 0..<chunk.cellCount {
            dwidth = max(dwidth, chunk.width(cell))
            if chunk.lineCount(cell) > 1 { dataMultiline = true }
        }
        for row in 0..<chunk.rowCount {
            recordNumber += 1
            try printRecordRule(hwidth: hwidth, dwidth: dwidth)
            for c in 0..<columns { try printField(header: c, cell: row * columns + c, hwidth: hwidth, dwidth: dwidth, dataMultiline: dataMultiline) }
        }
        chunk.removeAll()
    }

    /// `-[ RECORD n ]` padded with `-` to the name column, then `-+-` and `-` over the
    /// value column, where the label leaves room (psql's `print_aligned_vertical_line`).
    private func printRecordRule(hwidth: Int, dwidth: Int) throws {
        let label = "-[ RECORD \(recordNumber) ]"
        try output.append(label)
        var reclen = label.utf8.count
        if reclen < hwidth { try output.append(repeating: UInt8(ascii: "-"), count: hwidth - reclen) }
        reclen -= hwidth
        for mark in [UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "-")] {
            if reclen <= 0 { try output.append(mark) }
            reclen -= 1
        }
        if reclen < 0 { reclen = 0 }
        if reclen < dwidth { try output.append(repeating: UInt8(ascii: "-"), count: dwidth - reclen) }
        try output.append(UInt8(ascii: "\n"))
    }

    private func printField(header: Int, cell: Int, hwidth: Int, dwidth: Int, dataMultiline: Bool) throws {
        let headerLines = headers.lineCount(header)
        let dataLines = chunk.lineCount(cell)
        var line = 0
        while line < headerLines || line < dataLines {
            if line < headerLines {
                let (range, width) = headers.line(header, line)
                try headers.write(range, to: output)
                try output.append(repeating: UInt8(ascii: " "), count: hwidth - width)
                try output.append(line + 1 < headerLines ? UInt8(ascii: "+") : UInt8(ascii: " "))
            } else {
                try output.append(repeating: UInt8(ascii: " "), count: hwidth + 1)
            }
            try output.append(UInt8(ascii: "|"))
            if line < dataLines {
                let (range, width) = chunk.line(cell, line)
                try output.append(UInt8(ascii: " "))
                try chunk.write(range, to: output)
                if line + 1 < dataLines && dataMultiline {
                    try output.append(repeating: UInt8(ascii: " "), count: dwidth - width)
                    try output.append(UInt8(ascii: "+"))
                }
            }
            try output.append(UInt8(ascii: "\n"))
            line += 1
        }
    }

    /// The format's declaration for the registry.
    static let spec = ExporterSpec(
        name: "expanded",
        summary: "psql's expanded records (psql -x), widths per 1000-row chunk",
        fileExtension: "txt",
        options: [ExportOptionSpec(name: "null", summary: "text shown for NULL", defaultValue: "")],
        make: { options in
            var s = Settings()
            if let null = options["null"] { s.null = null }
            return ExpandedTextExporter(s)
        })
}
