import PsqluiPluginAPI

/// JSON output: an array of objects (`json`) or one object per line (`ndjson`).
///
/// Each row is an object whose keys are the column names in column order — duplicates
/// kept, as `row_to_json` keeps them — and whose values are rendered as the server's
/// `to_json` renders them (see `JSONValueWriter`). Parsed, the `json` output equals
/// `select json_agg(t) from (QUERY) t`.
final class JSONExporter: Exporter {
    enum Layout: Equatable {
        /// `[` + one object per line, comma-separated + `]`.
        case array
        /// One object per line, nothing else.
        case lines
    }

    private let layout: Layout
    private var output: OutputBuffer!
    private let scratch = ByteScratch()
    private var values = JSONValueWriter()
    private var kinds: [JSONValueKind] = []
    /// Per column, the bytes that precede its value: `{"name":` or `,"name":`.
    private var keyPrefixes: [[UInt8]] = []
    private var wroteRow = false
    private var names: [String] = []
    private var rowNumber = 0

    init(layout: Layout) { self.layout = layout }

    func open(columns: [ColumnInfo], output: OutputBuffer) async throws {
        self.output = output
        kinds = columns.map { JSONValueKind.forType($0.typeOID) }
        names = columns.map(\.name)
        keyPrefixes = try columns.enumerated().map { i, column in
            // Render the key once, escaped, into an array.
            var bytes: [UInt8] = [i == 0 ? UInt8(ascii: "{") : UInt8(ascii: ",")]
            let collector = ByteScratch(capacity: 256)
            try ExportSupport.withBytes(column.name) { try values.writeString($0, to: collector) }
            bytes.append(contentsOf: UnsafeBufferPointer(start: collector.base, count: collector.count))
            bytes.append(UInt8(ascii: ":"))
            return bytes
        }
        if layout == .array { try output.append(UInt8(ascii: "[")) }
    }

    func write(_ batch: RowBatch) throws {
        // Rows are rendered into a scratch buffer this module owns and handed to the
        // output once per batch (per-value calls into the resilient API are slow).
        let columns = batch.columnCount
        let out = scratch
        var index = 0
        for _ in 0..<batch.rowCount {
            if layout == .array { try out.append(wroteRow ? ",\n" as StaticString : "\n" as StaticString) }
            wroteRow = true
            rowNumber += 1
            if columns == 0 { try out.append(UInt8(ascii: "{")) }
            for c in 0..<columns {
                try keyPrefixes[c].withUnsafeBufferPointer { try out.append($0) }
                let cell = batch.cells[index]
                // JSON text is UTF-8: bytes that are not (a SQL_ASCII database, a
                // LATIN1 client encoding) are refused, never written raw.
                if !cell.isNull, UTF8Check.firstInvalidByte(in: cell.bytes) != nil { throw invalidUTF8(row: rowNumber, column: c) }
                try values.write(cell, kind: kinds[c], to: out)
                index += 1
            }
            try out.append(UInt8(ascii: "}"))
            if layout == .lines { try out.append(UInt8(ascii: "\n")) }
            if out.count >= 64 * 1024 { try out.flush(to: output) }
        }
        try out.flush(to: output)
    }

    private func invalidUTF8(row: Int, column: Int) -> ExportFailure {
        ExportFailure(message: "\(layout == .array ? "json" : "ndjson"): row \(row), column \"\(names[column])\" is not valid UTF-8, "
            + "and JSON text must be; use a UTF-8 client encoding (\\encoding UTF8) or another format (csv)")
    }

    func finish(rowCount: Int) async throws {
        if layout == .array { try output.append(wroteRow ? "\n]\n" as StaticString : "]\n" as StaticString) }
    }

    /// The `json` format's declaration.
    static let jsonSpec = ExporterSpec(
        name: "json",
        summary: "a JSON array of objects, one per row, values as the server's to_json renders them",
        fileExtension: "json",
        make: { _ in JSONExporter(layout: .array) })

    /// The `ndjson` format's declaration.
    static let ndjsonSpec = ExporterSpec(
        name: "ndjson",
        summary: "newline-delimited JSON: one object per row and line, values as the server's to_json renders them",
        fileExtension: "ndjson",
        make: { _ in JSONExporter(layout: .lines) })
}
