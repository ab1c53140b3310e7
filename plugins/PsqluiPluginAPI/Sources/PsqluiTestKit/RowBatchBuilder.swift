import PsqluiPluginAPI

/// Builds `RowBatch`es from Swift strings, the way the host hands them to exporters
/// (cells viewing bytes in place, valid only during the call).
public enum RowBatchBuilder {
    /// Calls `body` with one batch holding `rows` (nil = NULL). `typeOIDs` gives each
    /// column's type (default text). Every row must have `columnCount` values.
    public static func withBatch<R>(_ rows: [[String?]], columnCount: Int, typeOIDs: [UInt32]? = nil,
                                    _ body: (RowBatch) throws -> R) rethrows -> R {
        precondition(rows.allSatisfy { $0.count == columnCount }, "every row needs \(columnCount) values")
        let oids = typeOIDs ?? Array(repeating: TypeOID.text, count: columnCount)
        // One contiguous byte buffer for all values, like libpq's result memory.
        var bytes: [UInt8] = []
        var spans: [(offset: Int, count: Int)?] = []
        for row in rows {
            for value in row {
                if let value {
                    spans.append((bytes.count, value.utf8.count))
                    bytes.append(contentsOf: value.utf8)
                } else {
                    spans.append(nil)
                }
            }
        }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { buffer in
            var cells: [CellView] = []
            cells.reserveCapacity(spans.count)
            for (i, span) in spans.enumerated() {
                let oid = oids[i % max(columnCount, 1)]
                if let span {
                    cells.append(CellView(base: buffer.baseAddress! + span.offset, count: span.count, typeOID: oid))
                } else {
                    cells.append(CellView(base: nil, count: 0, typeOID: oid))
                }
            }
            return try cells.withUnsafeBufferPointer { try body(RowBatch(cells: $0, columnCount: columnCount)) }
        }
    }
}

/// Runs an export format over rows given as strings and returns the bytes written.
public enum ExporterHarness {
    /// Exports `rows` with `spec` in batches of `batchSize` rows, as the host does:
    /// `open`, `write` per batch, `finish`, then a final flush.
    public static func export(_ spec: ExporterSpec, columns: [ColumnInfo], rows: [[String?]],
                              options: ExportOptions = ExportOptions(), batchSize: Int = 2) async throws -> [UInt8] {
        final class Sink: @unchecked Sendable { var bytes: [UInt8] = [] }
        let sink = Sink()
        let output = OutputBuffer(capacity: 256) { sink.bytes.append(contentsOf: $0) }
        let exporter = try spec.make(options)
        try await exporter.open(columns: columns, output: output)
        var start = 0
        while start < rows.count {
            let end = min(start + max(batchSize, 1), rows.count)
            try RowBatchBuilder.withBatch(Array(rows[start..<end]), columnCount: columns.count,
                                          typeOIDs: columns.map(\.typeOID)) { try exporter.write($0) }
            start = end
        }
        try await exporter.finish(rowCount: rows.count)
        try output.flush()
        return sink.bytes
    }

    /// `export` decoded as UTF-8 text.
    public static func exportText(_ spec: ExporterSpec, columns: [ColumnInfo], rows: [[String?]],
                                  options: ExportOptions = ExportOptions(), batchSize: Int = 2) async throws -> String {
        String(decoding: try await export(spec, columns: columns, rows: rows, options: options, batchSize: batchSize),
               as: UTF8.self)
    }
}
