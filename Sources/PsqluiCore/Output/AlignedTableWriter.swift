import PsqluiPluginAPI

/// Draws result rows as psql's aligned table (`border 1`, its default): a centered
/// header, a `---+---` rule, numbers right-aligned, multi-line values continued with
/// `+`, and widths measured per chunk of rows exactly as `psql -v FETCH_COUNT=1000`
/// does (a result that fits one chunk is byte-identical to plain `psql -X`).
final class AlignedTableWriter {
    private let out: OutputBuffer
    private let settings: PrintSettings
    private let columns: [ColumnInfo]
    private let headerLines: [[(bytes: [UInt8], width: Int)]]
    private let rightAligned: [Bool]
    private var nullBytes: [UInt8]
    private let nullLayout: CellFormatter.Layout
    private var printedHeader = false
    private var widths: [Int]
    private var layouts: [CellFormatter.Layout] = []

    init(out: OutputBuffer, columns: [ColumnInfo], settings: PrintSettings) {
        self.out = out
        self.settings = settings
        self.columns = columns
        self.headerLines = columns.map { CellFormatter.lines(of: $0.name) }
        self.rightAligned = columns.map { TypeOID.isNumeric($0.typeOID) }
        self.nullBytes = Array(settings.nullString.utf8)
        self.nullLayout = nullBytes.withUnsafeBufferPointer { CellFormatter.layout(of: $0) }
        self.widths = Array(repeating: 0, count: columns.count)
    }

    /// Prints one chunk of rows (the header too, before the first chunk).
    func writeChunk(_ batch: RowBatch) throws {
        let n = columns.count
        for c in 0..<n { widths[c] = headerLines[c].map(\.width).max() ?? 0 }
        layouts.removeAll(keepingCapacity: true)
        var anyMultiline = false
        for r in 0..<batch.rowCount {
            for c in 0..<n {
                let cell = batch[r, c]
                let layout = cell.isNull ? nullLayout : CellFormatter.layout(of: cell.bytes)
                if layout.width > widths[c] { widths[c] = layout.width }
                if !layout.isPlain { anyMultiline = true }
                layouts.append(layout)
            }
        }
        if !printedHeader {
            printedHeader = true
            if !settings.tuplesOnly { try writeHeader() }
        }
        for r in 0..<batch.rowCount where n > 0 {
            let base = r * n
            var plainRow = true
            if anyMultiline {
                for c in 0..<n where !layouts[base + c].isPlain { plainRow = false; break }
            }
            if plainRow {
                try writePlainRow(batch, row: r)
            } else {
                try writeFormattedRow(batch, row: r)
            }
        }
    }

    /// Ends the table: the header if no row came, then the footer and a blank line.
    func finish(rowCount: Int) throws {
        if !printedHeader {
            printedHeader = true
            for c in 0..<columns.count { widths[c] = headerLines[c].map(\.width).max() ?? 0 }
            if !settings.tuplesOnly { try writeHeader() }
        }
        if !settings.tuplesOnly && settings.footer {
            try out.append(rowCount == 1 ? "(1 row)\n" : "(\(rowCount) rows)\n")
        }
        try out.append(UInt8(ascii: "\n"))
    }

    // MARK: Pieces

    private func writeHeader() throws {
        let n = columns.count
        if n == 0 {
            // psql draws a result without columns as a bare rule.
            try out.append("--\n")
            return
        }
        let height = headerLines.map(\.count).max() ?? 1
        for line in 0..<max(height, 1) {
            if n > 0 { try out.append(UInt8(ascii: " ")) }
            for c in 0..<n {
                let lines = headerLines[c]
                let w = widths[c]
                if line < lines.count {
                    let text = lines[line]
                    let left = (w - text.width) / 2
                    try spaces(left)
                    try text.bytes.withUnsafeBufferPointer { try out.append($0) }
                    try spaces(w - text.width - left)
                } else {
                    try spaces(w)
                }
                let more = line + 1 < lines.count
                try out.append(more ? UInt8(ascii: "+") : UInt8(ascii: " "))
                if c < n - 1 { try out.append("| ") }
            }
            try out.append(UInt8(ascii: "\n"))
        }
        for c in 0..<n {
            if c > 0 { try out.append(UInt8(ascii: "+")) }
            try dashes(widths[c] + 2)
        }
        try out.append(UInt8(ascii: "\n"))
    }

    private func writePlainRow(_ batch: RowBatch, row r: Int) throws {
        let n = columns.count
        if n > 0 { try out.append(UInt8(ascii: " ")) }
        for c in 0..<n {
            let cell = batch[r, c]
            let isLast = c == n - 1
            if cell.isNull {
                try nullBytes.withUnsafeBufferPointer { try pad($0, width: nullLayout.width, column: c, isLast: isLast) }
            } else {
                try pad(cell.bytes, width: layouts[r * n + c].width, column: c, isLast: isLast)
            }
            if !isLast { try out.append(" | ") }
        }
        try out.append(UInt8(ascii: "\n"))
    }

    private func pad(_ bytes: UnsafeBufferPointer<UInt8>, width: Int, column c: Int, isLast: Bool) throws {
        let fill = widths[c] - width
        if rightAligned[c] {
            try spaces(fill)
            try out.append(bytes)
        } else {
            try out.append(bytes)
            if !isLast { try spaces(fill) }
        }
    }

    private func writeFormattedRow(_ batch: RowBatch, row r: Int) throws {
        let n = columns.count
        var cellLines: [[(bytes: [UInt8], width: Int)]] = []
        cellLines.reserveCapacity(n)
        for c in 0..<n {
            let cell = batch[r, c]
            if cell.isNull {
                cellLines.append(nullBytes.withUnsafeBufferPointer { CellFormatter.lines(of: $0) })
            } else {
                cellLines.append(CellFormatter.lines(of: cell.bytes))
            }
        }
        let height = cellLines.map(\.count).max() ?? 1
        for line in 0..<height {
            if n > 0 { try out.append(UInt8(ascii: " ")) }
            for c in 0..<n {
                let lines = cellLines[c]
                let isLast = c == n - 1
                let more = line + 1 < lines.count
                if line < lines.count {
                    let text = lines[line]
                    let fill = widths[c] - text.width
                    if rightAligned[c] {
                        try spaces(fill)
                        try text.bytes.withUnsafeBufferPointer { try out.append($0) }
                    } else {
                        try text.bytes.withUnsafeBufferPointer { try out.append($0) }
                        if !isLast || more { try spaces(fill) }
                    }
                } else if !isLast {
                    try spaces(widths[c])
                }
                if isLast {
                    if more { try out.append(UInt8(ascii: "+")) }
                } else {
                    try out.append(more ? "+| " : " | ")
                }
            }
            try out.append(UInt8(ascii: "\n"))
        }
    }

    private func spaces(_ count: Int) throws { try out.appendSpaces(count) }
    private func dashes(_ count: Int) throws { try out.appendDashes(count) }
}
