import PsqluiPluginAPI

/// Writes a Parquet file as a stream: `PAR1`, then each row group's column chunks as
/// soon as the row group is full, then the footer (the file metadata, Thrift compact).
///
/// A column chunk must be contiguous in the file, but rows arrive across all columns,
/// so finished pages wait in an unlinked scratch file until the row group is complete
/// and are then copied out column by column. Memory holds only the page being filled
/// per column (bounded by `Limits.pageBudget` over all columns), whatever the number
/// of rows or the row group's size.
final class ParquetFileWriter {
    /// Limits on row groups and pages.
    struct Limits {
        /// A row group is written when its columns hold this many bytes.
        var rowGroupBytes = 32 << 20
        /// A data page is closed (at a row boundary) when it holds this many bytes...
        var pageBytes = 1 << 20
        /// ...or its share of this budget over all columns, whichever is less (never
        /// below 64 KiB), so a wide table does not hold a full page per column.
        var pageBudget = 8 << 20

        /// The page size for a table of `columnCount` columns.
        func pageBytes(columnCount: Int) -> Int {
            max(64 << 10, min(pageBytes, pageBudget / max(columnCount, 1)))
        }
    }

    private let output: OutputBuffer
    private let columns: [ParquetColumnWriter]
    private let codec: ParquetCompression
    private let limits: Limits
    private let pageBytes: Int
    private let spool: ScratchFile
    private var offset: Int64 = 0
    private var rowsInGroup = 0
    private var totalRows: Int64 = 0
    private var rowGroups: [RowGroupMeta] = []

    struct ChunkMeta {
        var offset: Int64
        var compressedSize: Int64
        var uncompressedSize: Int64
        var valueCount: Int64
    }
    struct RowGroupMeta {
        var chunks: [ChunkMeta]
        var rows: Int64
    }

    init(columns: [ColumnInfo], output: OutputBuffer, codec: ParquetCompression, limits: Limits, arraysAsText: Bool) throws {
        let spool = try ScratchFile()
        self.output = output
        self.codec = codec
        self.limits = limits
        self.spool = spool
        self.pageBytes = limits.pageBytes(columnCount: columns.count)
        self.columns = columns.map {
            ParquetColumnWriter(name: $0.name, type: .forColumn($0, arraysAsText: arraysAsText), codec: codec, spool: spool)
        }
    }

    func start() throws {
        try write(Array("PAR1".utf8))
    }

    func append(_ batch: RowBatch) throws {
        for r in 0..<batch.rowCount {
            var buffered = 0
            for c in 0..<columns.count {
                let column = columns[c]
                try column.append(batch[r, c])
                if column.pageBytes >= pageBytes { try column.closePage() }
                buffered += column.bufferedBytes
            }
            rowsInGroup += 1
            if buffered >= limits.rowGroupBytes { try flushRowGroup() }
        }
    }

    /// Writes the last row group and the footer.
    func finish() throws {
        try flushRowGroup()
        let footer = ParquetFooter.fileMetaData(columns: columns.map { ($0.name, $0.type) }, rowGroups: rowGroups,
                                                totalRows: totalRows, codec: codec)
        try write(footer)
        let n = UInt32(footer.count)
        try write((0..<4).map { UInt8(truncatingIfNeeded: n >> (8 * UInt32($0))) })
        try write(Array("PAR1".utf8))
    }

    private func flushRowGroup() throws {
        guard rowsInGroup > 0 else { return }
        var chunks: [ChunkMeta] = []
        for column in columns {
            let chunk = try column.writeChunk(to: output)
            chunks.append(ChunkMeta(offset: offset, compressedSize: Int64(chunk.size),
                                    uncompressedSize: Int64(chunk.uncompressedSize), valueCount: Int64(chunk.valueCount)))
            offset += Int64(chunk.size)
        }
        try spool.truncate()
        rowGroups.append(RowGroupMeta(chunks: chunks, rows: Int64(rowsInGroup)))
        totalRows += Int64(rowsInGroup)
        rowsInGroup = 0
    }

    private func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try output.append($0) }
        offset += Int64(bytes.count)
    }
}
