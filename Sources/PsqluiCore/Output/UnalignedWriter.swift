import PsqluiPluginAPI

/// Draws result rows as psql's unaligned output (`-A`): values joined by the field
/// separator, records by the record separator, the footer after a separator, and a
/// final newline (psql's `print_unaligned_text`).
final class UnalignedWriter {
    private let out: OutputBuffer
    private let settings: PrintSettings
    private let columns: [ColumnInfo]
    private let nullBytes: [UInt8]
    private var needRecordSeparator = false
    private var startedHeader = false

    init(out: OutputBuffer, columns: [ColumnInfo], settings: PrintSettings) {
        self.out = out
        self.settings = settings
        self.columns = columns
        self.nullBytes = Array(settings.nullString.utf8)
    }

    private func writeHeaderIfNeeded() throws {
        guard !startedHeader else { return }
        startedHeader = true
        guard !settings.tuplesOnly else { return }
        for (i, column) in columns.enumerated() {
            if i > 0 { try append(settings.fieldSeparator) }
            try out.append(column.name)
        }
        needRecordSeparator = true
    }

    func writeChunk(_ batch: RowBatch) throws {
        try writeHeaderIfNeeded()
        let fs = settings.fieldSeparator, rs = settings.recordSeparator
        try fs.withUnsafeBufferPointer { fsb in
            try rs.withUnsafeBufferPointer { rsb in
                try nullBytes.withUnsafeBufferPointer { nb in
                    for r in 0..<batch.rowCount {
                        if needRecordSeparator { try out.append(rsb) }
                        for c in 0..<batch.columnCount {
                            if c > 0 { try out.append(fsb) }
                            let cell = batch[r, c]
                            if cell.isNull { try out.append(nb) } else { try out.append(cell.bytes) }
                        }
                        needRecordSeparator = true
                    }
                }
            }
        }
    }

    func finish(rowCount: Int) throws {
        try writeHeaderIfNeeded()
        if !settings.tuplesOnly && settings.footer {
            if needRecordSeparator { try append(settings.recordSeparator) }
            try out.append(rowCount == 1 ? "(1 row)" : "(\(rowCount) rows)")
            needRecordSeparator = true
        }
        if needRecordSeparator { try out.append(UInt8(ascii: "\n")) }
    }

    private func append(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try out.append($0) }
    }
}
