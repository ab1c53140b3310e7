import PsqluiPluginAPI

/// psql's aligned table (`psql -X`, border 1, ASCII lines), streamed in chunks of
/// `chunkSize` rows: column widths are computed per chunk and the header is printed
/// once, so the output equals `psql -X -v FETCH_COUNT=1000` — and plain `psql -X` for
/// results of up to 1000 rows. Numeric columns are right-aligned; multi-line values
/// continue with `+`; NULL shows as the `null` option (empty by default); a
/// `(N rows)` footer ends the table (`footer=off` leaves it out).
final class AlignedTextExporter: Exporter {
    struct Settings: Equatable {
        var null = ""
        var footer = true
        var chunkSize = 1000
    }

    private let settings: Settings
    private var output: OutputBuffer!
    private var headers = TextChunk(columnCount: 0)
    private var chunk = TextChunk(columnCount: 0)
    private var rightAligned: [Bool] = []
    private var widths: [Int] = []
    private var wroteHeader = false
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
        rightAligned = columns.map { TypeOID.isNumeric($0.typeOID) }
        widths = [Int](repeating: 0, count: columns.count)
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
        if chunk.rowCount > 0 || !wroteHeader { try printChunk() }
        if settings.footer {
            try output.append(ExportSupport.rowCountFooter(rowCount))
            try output.append(UInt8(ascii: "\n"))
        }
        try output.append(UInt8(ascii: "\n"))
    }

    private func printChunk() throws {
        let columns = headers.columnCount
        for c in 0..<columns { widths[c] = headers.width(c) }
        for cell in 0..<chunk.cellCount where chunk.width(cell) > widths[cell % columns] {
            widths[cell % columns] = chunk.width(cell)
        }
        if !wroteHeader {
            try printHeader()
            wroteHeader = true
        }
        for row in 0..<chunk.rowCount { try printRow(row) }
        chunk.removeAll()
    }

    /// Centered names (continued with `+` when a name has several lines), then the rule.
    private func printHeader() throws {
        let columns = headers.columnCount
        guard columns > 0 else { try output.append("--\n" as StaticString); return }
        var maxLines = 1
        for c in 0..<columns { maxLines = max(maxLines, headers.lineCount(c)) }
        for line in 0..<maxLines {
            for c in 0..<columns {
                try output.append(UInt8(ascii: " "))
                let lines = headers.lineCount(c)
                if line < lines {
                    let (range, width) = headers.line(c, line)
                    let space = widths[c] - width
                    try output.append(repeating: UInt8(ascii: " "), count: space / 2)
                    try headers.write(range, to: output)
                    try output.append(repeating: UInt8(ascii: " "), count: (space + 1) / 2)
                    try output.append(line + 1 < lines ? UInt8(ascii: "+") : UInt8(ascii: " "))
                } else {
                    try output.append(repeating: UInt8(ascii: " "), count: widths[c])
                    try output.append(UInt8(ascii: " "))
                }
                if c < columns - 1 { try output.append(UInt8(ascii: "|")) }
            }
            try output.append(UInt8(ascii: "\n"))
        }
        for c in 0..<columns {
            if c > 0 { try output.append(UInt8(ascii: "+")) }
            try output.append(repeating: UInt8(ascii: "-"), count: widths[c] + 2)
        }
        try output.append(UInt8(ascii: "\n"))
    }

    /// One row, as many display lines as its tallest cell.
    private func printRow(_ row: Int) throws {
        let columns = headers.columnCount
        let first = row * columns
        var lines = 1
        for c in 0..<columns { lines = max(lines, chunk.lineCount(first + c)) }
        for line in 0..<lines {
            for c in 0..<columns {
                let cell = first + c
                let isLast = c == columns - 1
                let cellLines = chunk.lineCount(cell)
                try output.append(UInt8(ascii: " "))
                let continues = line + 1 < cellLines
                if line < cellLines {
                    let (range, width) = chunk.line(cell, line)
                    if rightAligned[c] {
                        try output.append(repeating: UInt8(ascii: " "), count: widths[c] - width)
                        try chunk.write(range, to: output)
                    } else {
                        try chunk.write(range, to: output)
                        if !isLast || continues { try output.append(repeating: UInt8(ascii: " "), count: widths[c] - width) }
                    }
                } else if !isLast {
                    try output.append(repeating: UInt8(ascii: " "), count: widths[c])
                }
                if continues { try output.append(UInt8(ascii: "+")) }
                else if !isLast { try output.append(UInt8(ascii: " ")) }
                if !isLast { try output.append(UInt8(ascii: "|")) }
            }
            try output.append(UInt8(ascii: "\n"))
        }
    }

    /// The format's declaration for the registry.
    static let spec = ExporterSpec(
        name: "aligned",
        summary: "psql's aligned text table (widths per 1000-row chunk, as psql -v FETCH_COUNT=1000)",
        fileExtension: "txt",
        options: [
            ExportOptionSpec(name: "null", summary: "text shown for NULL", defaultValue: ""),
            ExportOptionSpec(name: "footer", summary: "write the (N rows) footer", defaultValue: "on", allowedValues: ["on", "off"]),
        ],
        make: { options in
            var s = Settings()
            if let null = options["null"] { s.null = null }
            s.footer = try options.bool("footer") ?? true
            return AlignedTextExporter(s)
        })
}
