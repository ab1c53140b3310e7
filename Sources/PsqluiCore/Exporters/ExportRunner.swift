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
        try RowBatch.withRows(rows, typeOIDs: typeOIDs, body)
    }
}
