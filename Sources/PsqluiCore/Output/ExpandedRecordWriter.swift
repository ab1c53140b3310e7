import PsqluiPluginAPI

/// Draws result rows as psql's expanded records (`\x`, `-x`): a `-[ RECORD n ]` rule
/// per row, then one `name | value` line per column. Widths are measured per chunk,
/// as psql does with FETCH_COUNT.
final class ExpandedRecordWriter {
    private let out: OutputBuffer
    private let settings: PrintSettings
    private let headerLines: [[(bytes: [UInt8], width: Int)]]
    private let headerWidth: Int
    private let nullBytes: [UInt8]
    private var recordNumber = 0

    init(out: OutputBuffer, columns: [ColumnInfo], settings: PrintSettings) {
        self.out = out
        self.settings = settings
        self.headerLines = columns.map { CellFormatter.lines(of: $0.name) }
        self.headerWidth = headerLines.flatMap { $0.map(\.width) }.max() ?? 0
        self.nullBytes = Array(settings.nullString.utf8)
    }

    func writeChunk(_ batch: RowBatch) throws {
        // Format every cell of the chunk first: the value width is per chunk.
        var formatted: [[(bytes: [UInt8], width: Int)]] = []
        formatted.reserveCapacity(batch.rowCount * batch.columnCount)
        var valueWidth = 0
        for r in 0..<batch.rowCount {
            for c in 0..<batch.columnCount {
                let cell = batch[r, c]
                let lines = cell.isNull ? nullBytes.withUnsafeBufferPointer { CellFormatter.lines(of: $0) }
                                        : CellFormatter.lines(of: cell.bytes)
                for l in lines where l.width > valueWidth { valueWidth = l.width }
                formatted.append(lines)
            }
        }
        for r in 0..<batch.rowCount {
            recordNumber += 1
            if !settings.tuplesOnly {
                try writeRecordRule(valueWidth: valueWidth)
            } else if recordNumber > 1 {
                try out.append(UInt8(ascii: "\n"))
            }
            for c in 0..<batch.columnCount {
                try writeField(name: headerLines[c], value: formatted[r * batch.columnCount + c], valueWidth: valueWidth)
            }
        }
    }

    func finish(rowCount: Int) throws {
        if rowCount == 0 {
            if !settings.tuplesOnly && settings.footer { try out.append("(0 rows)\n") }
        }
        try out.append(UInt8(ascii: "\n"))
    }

    /// `-[ RECORD n ]----+-----`, the `+` above the column rule (psql's arithmetic).
    private func writeRecordRule(valueWidth: Int) throws {
        let label = "-[ RECORD \(recordNumber) ]"
        try out.append(label)
        var reclen = label.utf8.count
        while reclen < headerWidth { try out.append(UInt8(ascii: "-")); reclen += 1 }
        reclen -= headerWidth
        if reclen <= 0 { try out.append(UInt8(ascii: "-")) }
        reclen -= 1
        if reclen <= 0 { try out.append(UInt8(ascii: "+")) }
        reclen -= 1
        if reclen <= 0 { try out.append(UInt8(ascii: "-")) }
        reclen -= 1
        var i = max(reclen, 0)
        while i < valueWidth { try out.append(UInt8(ascii: "-")); i += 1 }
        try out.append(UInt8(ascii: "\n"))
    }

    private func writeField(name: [(bytes: [UInt8], width: Int)], value: [(bytes: [UInt8], width: Int)], valueWidth: Int) throws {
        let height = max(name.count, value.count)
        for line in 0..<height {
            if line < name.count {
                try name[line].bytes.withUnsafeBufferPointer { try out.append($0) }
                try spaces(headerWidth - name[line].width)
            } else {
                try spaces(headerWidth)
            }
            try out.append(line + 1 < name.count ? "+|" : " |")
            if line < value.count {
                try out.append(UInt8(ascii: " "))
                try value[line].bytes.withUnsafeBufferPointer { try out.append($0) }
                if line + 1 < value.count {
                    try spaces(valueWidth - value[line].width)
                    try out.append(UInt8(ascii: "+"))
                }
            }
            try out.append(UInt8(ascii: "\n"))
        }
    }

    private func spaces(_ n: Int) throws {
        if n > 0 { try out.append(String(repeating: " ", count: n)) }
    }
}
