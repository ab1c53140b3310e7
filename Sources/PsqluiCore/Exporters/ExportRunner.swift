import PsqluiPluginAPI

/// Runs an exporter over rows held as Swift values — for tests, `:export` of small
/// in-memory results, and plugins' own tests. Not a hot path: the host streams
/// libpq's bytes instead.
public enum ExportRunner {
    /// Exports `rows` (nil = NULL) with `columns` through `exporter`, `batchSize` rows
    /// per `write`, and returns the bytes written.
    public static func run(_ exporter: Exporter, columns: [ColumnInfo], rows: [[[UInt8]?]],
                           batchSize: Int = 100) async throws -> [UInt8] {
        var result: [UInt8] = []
        let output = OutputBuffer(capacity: 4096) { result.append(contentsOf: $0) }
        try await exporter.open(columns: columns, output: output)
        var start = 0
        while start < rows.count {
            let end = min(rows.count, start + max(batchSize, 1))
            try withBatch(rows[start..<end], typeOIDs: columns.map(\.typeOID)) { try exporter.write($0) }
            start = end
        }
        try await exporter.finish(rowCount: rows.count)
        try output.flush()
        return result
    }

    /// String convenience for `run`.
    public static func run(_ exporter: Exporter, columns: [ColumnInfo], rows: [[String?]],
                           batchSize: Int = 100) async throws -> String {
        let bytes = try await run(exporter, columns: columns, rows: rows.map { $0.map { $0.map { Array($0.utf8) } } },
                                  batchSize: batchSize)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Builds a `RowBatch` viewing `rows` and calls `body` with it.
    static func withBatch<R>(_ rows: ArraySlice<[[UInt8]?]>, typeOIDs: [UInt32],
                             _ body: (RowBatch) throws -> R) throws -> R {
        // One contiguous arena for the bytes, so every cell points into stable memory.
        let columnCount = typeOIDs.count
        var arena: [UInt8] = []
        var spans: [(Int, Int)?] = []
        for row in rows {
            precondition(row.count == columnCount, "every row needs \(columnCount) cells")
            for cell in row {
                if let cell { spans.append((arena.count, cell.count)); arena.append(contentsOf: cell) } else { spans.append(nil) }
            }
        }
        arena.append(0)   // a valid base address even when every value is empty
        return try arena.withUnsafeBufferPointer { bytes in
            let cells = spans.enumerated().map { i, span -> CellView in
                let oid = typeOIDs[i % columnCount]
                guard let (start, count) = span else { return CellView(base: nil, count: 0, typeOID: oid) }
                return CellView(base: bytes.baseAddress! + start, count: count, typeOID: oid)
            }
            return try cells.withUnsafeBufferPointer { try body(RowBatch(cells: $0, columnCount: columnCount)) }
        }
    }
}
