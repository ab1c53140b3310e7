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
    private let nullLayout: CellFormatter.Layout
    private var layouts: [CellFormatter.Layout] = []

    init(out: OutputBuffer, columns: [ColumnInfo], settings: PrintSettings) {
        self.out = out
        self.settings = settings
        self.headerLines = columns.map { CellFormatter.lines(of: $0.name) }
        self.headerWidth = headerLines.flatMap { $0.map(\.width) }.max() ?? 0
        self.nullBytes = Array(settings.nullString.utf8)
        self.nullLayout = nullBytes.withUnsafeBufferPointer { CellFormatter.layout(of: $0) }
    }

    func writeChunk(_ batch: RowBatch) throws {
        // The value width is per chunk: measure every cell first (no allocation for
        // the common one-line value), then write.
        let n = batch.columnCount
        layouts.removeAll(keepingCapacity: true)
        var valueWidth = 0
        for r in 0..<batch.rowCount {
            for c in 0..<n {
                let cell = batch[r, c]
                let layout = cell.isNull ? nullLayout : CellFormatter.layout(of: cell.bytes)
                if layout.width > valueWidth { valueWidth = layout.width }
                layouts.append(layout)
            }
        }
        for r in 0..<batch.rowCount {
            recordNumber += 1
            if !settings.tuplesOnly {
                try writeRecordRule(label: "-[ RECORD \(recordNumber) ]", valueWidth: valueWidth)
            } else if recordNumber > 1 {
                try writeRecordRule(label: "", valueWidth: valueWidth)  // psql -x -t: a bare rule between records
            }
            for c in 0..<n {
                let cell = batch[r, c]
                let name = headerLines[c]
                if layouts[r * n + c].isPlain && name.count == 1 {
                    // One line of name, one line of value: write the bytes as they are.
                    try name[0].bytes.withUnsafeBufferPointer { try out.append($0) }
                    try spaces(headerWidth - name[0].width)
                    try out.append(" | ")
                    if cell.isNull { try nullBytes.withUnsafeBufferPointer { try out.append($0) } } else { try out.append(cell.bytes) }
                    try out.append(UInt8(ascii: "\n"))
                } else {
                    let value = cell.isNull ? nullBytes.withUnsafeBufferPointer { CellFormatter.lines(of: $0) }
                                            : CellFormatter.lines(of: cell.bytes)
                    try writeField(name: name, value: value, valueWidth: valueWidth)
                }
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
    private func writeRecordRule(label: String, valueWidth: Int) throws {
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

    private func spaces(_ n: Int) throws { try out.appendSpaces(n) }
}
