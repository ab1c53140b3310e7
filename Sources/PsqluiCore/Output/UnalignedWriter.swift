import PsqluiPluginAPI

/// Draws a table piece as psql's unaligned output (`-A`; psql's
/// `print_unaligned_text` and, expanded, `print_unaligned_vertical`): values joined
/// by the field separator, records by the record separator (a zero byte with
/// `fieldsep_zero`/`recordsep_zero`), footers after a separator, a final newline.
final class UnalignedWriter: TableWriter {
    private let out: OutputBuffer
    private let settings: PrintSettings
    private let segment: TableSegment
    private let vertical: Bool
    private let nullBytes: [UInt8]
    private let fieldSeparator: [UInt8]
    private let recordSeparator: [UInt8]
    private var needRecordSeparator = false

    init(out: OutputBuffer, segment: TableSegment, settings: PrintSettings, vertical: Bool) {
        self.out = out
        self.settings = settings
        self.segment = segment
        self.vertical = vertical
        self.nullBytes = Array(settings.nullString.utf8)
        self.fieldSeparator = settings.fieldSeparatorZero ? [0] : settings.fieldSeparator
        self.recordSeparator = settings.recordSeparatorZero ? [0] : settings.recordSeparator
    }

    func begin() throws {
        guard segment.startTable else { needRecordSeparator = true; return }
        if !settings.tuplesOnly, let title = segment.title {
            try out.append(title)
            if vertical { needRecordSeparator = true } else { try out.append(bytes: recordSeparator) }
        }
        if !vertical && !settings.tuplesOnly {
            for (i, header) in segment.headers.enumerated() {
                if i > 0 { try out.append(bytes: fieldSeparator) }
                try out.append(bytes: header)
            }
            needRecordSeparator = true
        }
    }

    func write(_ batch: RowBatch) throws {
        let n = batch.columnCount
        guard n > 0 else { return }
        try fieldSeparator.withUnsafeBufferPointer { fs in
            try recordSeparator.withUnsafeBufferPointer { rs in
                for r in 0..<batch.rowCount {
                    if vertical {
                        if needRecordSeparator { try out.append(rs); try out.append(rs); needRecordSeparator = false }
                        for c in 0..<n {
                            try out.append(bytes: segment.headers[c])
                            try out.append(fs)
                            try out.append(cell: batch[r, c], null: nullBytes)
                            if c < n - 1 { try out.append(rs) } else { needRecordSeparator = true }
                        }
                    } else {
                        if needRecordSeparator { try out.append(rs); needRecordSeparator = false }
                        for c in 0..<n {
                            if c > 0 { try out.append(fs) }
                            try out.append(cell: batch[r, c], null: nullBytes)
                        }
                        needRecordSeparator = true
                    }
                }
            }
        }
    }

    func end() throws {
        guard segment.stopTable else { return }
        if vertical {
            if !settings.tuplesOnly, let footers = segment.footers {
                try out.append(bytes: recordSeparator)
                for f in footers { try out.append(bytes: recordSeparator); try out.append(f) }
            }
        } else if !settings.tuplesOnly, let footers = segment.footersWithDefault(settings) {
            for f in footers {
                if needRecordSeparator { try out.append(bytes: recordSeparator); needRecordSeparator = false }
                try out.append(f)
                needRecordSeparator = true
            }
        }
        if needRecordSeparator {
            if settings.recordSeparatorZero { try out.append(UInt8(0)) } else { try out.append(UInt8(ascii: "\n")) }
        }
    }
}
