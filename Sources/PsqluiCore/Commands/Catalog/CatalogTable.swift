import FoundationEssentials
import PsqluiPluginAPI

/// A catalog listing or description as psql prints it: a centered title, an aligned
/// table (the same writer as query results, so widths and `+` continuations match),
/// then either `(N rows)` or footer lines (`Indexes:` …), then a blank line.
public struct CatalogTable: Sendable {
    /// The title (`List of relations`, `Table "public.orders"`).
    public var title: String
    /// Column headers and types (numeric types are right-aligned).
    public var columns: [ColumnInfo]
    /// The cells, nil for NULL.
    public var rows: [[String?]]
    /// Lines after the table; when nil the `(N rows)` footer is printed instead.
    public var footers: [String]?

    /// A table ready to render.
    public init(title: String, columns: [ColumnInfo], rows: [[String?]], footers: [String]? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows
        self.footers = footers
    }

    /// A table from a query result, keeping its columns and rows.
    public init(title: String, result: QueryTable, footers: [String]? = nil) {
        self.init(title: title, columns: result.columns, rows: result.rows, footers: footers)
    }

    /// The output lines (no newlines), the last one empty as psql's blank line:
    /// psql's `printTable` with this title and footers, in the user's format, border
    /// and line style (`\pset`), through the same writers as query results.
    public func render(settings: PrintSettings = PrintSettings()) -> [String] {
        var table = settings
        table.color = false
        table.expanded = settings.expanded == .on ? .on : .off
        var bytes: [UInt8] = []
        let out = OutputBuffer(capacity: 4096) { bytes.append(contentsOf: $0.bindMemory(to: UInt8.self)) }
        // No footer lines means psql's NULL footers with the default footer off.
        var footerLines = footers
        if footers?.isEmpty == true { footerLines = nil; table.footer = false }
        Self.withBatch(rows, columnTypes: columns.map(\.typeOID)) { batch in
            try? ResultPrinter.printTable(columns: columns, batch: batch, title: title.isEmpty ? nil : title,
                                          footers: footerLines, settings: table, out: out)
        }
        try? out.flush()
        var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// Lays string cells out as a `RowBatch` (cells view one contiguous byte buffer).
    static func withBatch(_ rows: [[String?]], columnTypes: [UInt32], _ body: (RowBatch) -> Void) {
        let n = columnTypes.count
        guard n > 0, !rows.isEmpty else {
            body(RowBatch(cells: UnsafeBufferPointer(start: nil, count: 0), columnCount: n))
            return
        }
        var bytes: [UInt8] = []
        var spans: [(Int, Int)?] = []
        for row in rows {
            for c in 0..<n {
                if c < row.count, let v = row[c] {
                    spans.append((bytes.count, v.utf8.count))
                    bytes.append(contentsOf: v.utf8)
                } else {
                    spans.append(nil)
                }
            }
        }
        bytes.append(0)
        bytes.withUnsafeBufferPointer { buffer in
            var cells: [CellView] = []
            cells.reserveCapacity(spans.count)
            for (i, span) in spans.enumerated() {
                let oid = columnTypes[i % n]
                if let (offset, count) = span {
                    cells.append(CellView(base: buffer.baseAddress! + offset, count: count, typeOID: oid))
                } else {
                    cells.append(CellView(base: nil, count: 0, typeOID: oid))
                }
            }
            cells.withUnsafeBufferPointer { body(RowBatch(cells: $0, columnCount: n)) }
        }
    }
}
