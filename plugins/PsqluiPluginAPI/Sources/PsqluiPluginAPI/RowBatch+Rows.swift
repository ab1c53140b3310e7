extension RowBatch {
    /// Calls `body` with a batch viewing `rows` (nil = SQL NULL), each row one value
    /// per entry of `typeOIDs`. The batch is valid only during the call. For small,
    /// already-loaded results (a `QueryTable`, tests); the host streams libpq's bytes.
    public static func withRows<R>(_ rows: ArraySlice<[[UInt8]?]>, typeOIDs: [UInt32],
                                   _ body: (RowBatch) throws -> R) rethrows -> R {
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

extension QueryTable {
    /// Runs this result through `exporter` into `output` — `open`, `write` in batches
    /// of `batchSize` rows, `finish` — and flushes `output`. A command that wants a
    /// result in an export format (`:yank csv`) gets the format's spec from
    /// `CommandContext.exportFormat(named:)` and calls this.
    public func export(through exporter: Exporter, into output: OutputBuffer, batchSize: Int = 500) async throws {
        try await exporter.open(columns: columns, output: output)
        let bytes: [[[UInt8]?]] = rows.map { $0.map { $0.map { Array($0.utf8) } } }
        let oids = columns.map(\.typeOID)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + max(batchSize, 1))
            try RowBatch.withRows(bytes[start..<end], typeOIDs: oids) { try exporter.write($0) }
            start = end
        }
        try await exporter.finish(rowCount: rows.count)
        try output.flush()
    }
}
