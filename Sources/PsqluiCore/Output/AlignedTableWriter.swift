import PsqluiPluginAPI

/// Draws a table piece as psql's `aligned` and `wrapped` formats (psql's
/// `print_aligned_text`): border 0, 1 or 2, the ascii, old-ascii and unicode line
/// styles, a centred header, numbers right-aligned, values continued on new lines
/// or wrapped at the target width. Widths come from a `TableMeasure` of every row
/// of the piece, taken before printing.
final class AlignedTableWriter: TableWriter {
    private let out: OutputBuffer
    private let settings: PrintSettings
    private let segment: TableSegment
    private let format: TableLineFormat
    private let border: Int
    private let nullBytes: [UInt8]
    private let headerLines: [[(bytes: [UInt8], width: Int)]]
    private let n: Int
    /// psql's `width_wrap`: the printed width of each column.
    private(set) var widthWrap: [Int]
    /// psql's `width_total` (after wrapping) and `total_header_width`.
    private(set) var widthTotal: Int
    private(set) var totalHeaderWidth: Int
    private let colorHeader: Bool
    private let nullLayout: CellFormatter.Layout
    /// The widths of the row being written (the fast path measures once).
    private var rowWidths: [Int]

    init(out: OutputBuffer, segment: TableSegment, settings: PrintSettings, measure: TableMeasure) {
        self.out = out
        self.settings = settings
        self.segment = segment
        self.format = TableLineFormat.of(settings)
        self.border = min(max(settings.border, 0), 2)
        self.nullBytes = Array(settings.nullString.utf8)
        self.headerLines = segment.headers.map { h in h.withUnsafeBufferPointer { CellFormatter.lines(of: $0, encoding: settings.clientEncoding) } }
        self.n = segment.columns.count
        self.colorHeader = settings.color
        self.nullLayout = nullBytes.withUnsafeBufferPointer { CellFormatter.layout(of: $0, encoding: settings.clientEncoding) }
        self.rowWidths = [Int](repeating: 0, count: segment.columns.count)
        var widthHeader = [Int](repeating: 0, count: n)
        var maxWidth = [Int](repeating: 0, count: n)
        var average = [Int](repeating: 0, count: n)
        for c in 0..<n {
            widthHeader[c] = headerLines[c].map(\.width).max() ?? 0
            maxWidth[c] = max(widthHeader[c], c < measure.maxWidth.count ? measure.maxWidth[c] : 0)
            if measure.rows > 0, c < measure.widthSum.count { average[c] = measure.widthSum[c] / measure.rows }
        }
        var total: Int
        switch border {
        case 0: total = n
        case 1: total = n * 3 - (n > 0 ? 1 : 0)
        default: total = n * 3 + 1
        }
        var headerTotal = total
        for c in 0..<n { total += maxWidth[c]; headerTotal += widthHeader[c] }
        var wrap = maxWidth
        let columns = settings.outputColumns
        if settings.format == .wrapped, columns > 0, columns >= headerTotal {
            // psql shrinks the column with the highest max/average ratio, one at a time.
            while total > columns {
                var maxRatio = 0.0, worst = -1
                for c in 0..<n where average[c] != 0 && wrap[c] > widthHeader[c] {
                    let ratio = Double(wrap[c]) / Double(average[c]) + Double(maxWidth[c]) * 0.01
                    if ratio > maxRatio { maxRatio = ratio; worst = c }
                }
                if worst == -1 { break }
                wrap[worst] -= 1
                total -= 1
            }
        }
        self.widthWrap = wrap
        self.widthTotal = total
        self.totalHeaderWidth = headerTotal
    }

    /// psql's `expanded auto` test: more than one column and wider than the target.
    var isTooWide: Bool {
        let columns = settings.outputColumns
        return columns > 0 && n > 1 && (columns < totalHeaderWidth || columns < widthTotal)
    }

    // MARK: TableWriter

    func begin() throws {
        guard segment.startTable else { return }
        if let title = segment.title, !settings.tuplesOnly {
            let width = CellFormatter.lines(of: title).map(\.width).max() ?? 0
            if width < widthTotal { try out.appendSpaces((widthTotal - width) / 2) }
            try out.append(title)
            try out.append(UInt8(ascii: "\n"))
        }
        guard !settings.tuplesOnly else { return }
        if border == 2 { try horizontalLine(.top) }
        var done = [Bool](repeating: false, count: n)
        var remaining = n
        var line = 0
        let dataRule = format.rule(.data)
        while remaining > 0 {
            if border == 2 { try out.append(dataRule.left) }
            for c in 0..<n {
                if border != 0 || (!format.wrapRightBorder && c > 0) {
                    try out.append(line > 0 ? format.headerNewlineLeft : " ")
                }
                if !done[c] {
                    let text = headerLines[c][line]
                    let space = widthWrap[c] - text.width
                    try out.appendSpaces(space / 2)
                    if colorHeader { try out.append(TerminalColor.bold) }
                    try out.append(bytes: text.bytes)
                    if colorHeader { try out.append(TerminalColor.reset) }
                    try out.appendSpaces((space + 1) / 2)
                    if line + 1 >= headerLines[c].count { remaining -= 1; done[c] = true }
                } else {
                    try out.appendSpaces(widthWrap[c])
                }
                if border != 0 || format.wrapRightBorder {
                    try out.append(!done[c] ? format.headerNewlineRight : " ")
                }
                if border != 0 && c < n - 1 { try out.append(dataRule.middle) }
            }
            line += 1
            if border == 2 { try out.append(dataRule.right) }
            try out.append(UInt8(ascii: "\n"))
        }
        try horizontalLine(.middle)
    }

    func write(_ batch: RowBatch) throws {
        guard n > 0 else { return }
        for r in 0..<batch.rowCount {
            if try !writePlainRow(batch, row: r) { try writeFormattedRow(batch, row: r) }
        }
    }

    func end() throws {
        guard segment.stopTable else { return }
        if border == 2 { try horizontalLine(.bottom) }
        if !settings.tuplesOnly, let footers = segment.footersWithDefault(settings) {
            for f in footers { try out.append(f); try out.append(UInt8(ascii: "\n")) }
        }
        try out.append(UInt8(ascii: "\n"))
    }

    // MARK: Pieces

    /// psql's `_print_horizontal_line`.
    private func horizontalLine(_ position: TableLineFormat.RulePosition) throws {
        let rule = format.rule(position)
        if border == 1 { try out.append(rule.horizontal) } else if border == 2 { try out.append(rule.left + rule.horizontal) }
        for c in 0..<n {
            try repeatString(rule.horizontal, widthWrap[c])
            if c < n - 1 {
                if border == 0 { try out.append(UInt8(ascii: " ")) } else { try out.append(rule.horizontal + rule.middle + rule.horizontal) }
            }
        }
        if border == 2 { try out.append(rule.horizontal + rule.right) } else if border == 1 { try out.append(rule.horizontal) }
        try out.append(UInt8(ascii: "\n"))
    }

    private func repeatString(_ s: String, _ count: Int) throws {
        if s == "-" { try out.appendDashes(count); return }
        for _ in 0..<max(count, 0) { try out.append(s) }
    }

    /// A row whose values are all one unchanged line that fits its column: written
    /// straight from the result's bytes. Returns false when the row needs the general path.
    private func writePlainRow(_ batch: RowBatch, row r: Int) throws -> Bool {
        for c in 0..<n {
            let cell = batch[r, c]
            let layout = cell.isNull ? nullLayout : CellFormatter.layout(of: cell.bytes, encoding: settings.clientEncoding)
            if !layout.isPlain || layout.width > widthWrap[c] { return false }
            rowWidths[c] = layout.width
        }
        let data = format.rule(.data)
        if border == 2 { try out.append(data.left) }
        for c in 0..<n {
            let cell = batch[r, c]
            let isLast = c == n - 1
            let finalSpaces = border == 2 || !isLast
            if border != 0 { try out.append(UInt8(ascii: " ")) }
            let width = rowWidths[c]
            if segment.rightAligned[c] {
                try out.appendSpaces(widthWrap[c] - width)
                try appendValue(cell)
            } else {
                try appendValue(cell)
                if finalSpaces { try out.appendSpaces(widthWrap[c] - width) }
            }
            if finalSpaces { try out.append(UInt8(ascii: " ")) }
            if border != 0 && !isLast { try out.append(data.middle) }
        }
        if border == 2 { try out.append(data.right) }
        try out.append(UInt8(ascii: "\n"))
        return true
    }

    private func appendValue(_ cell: CellView) throws {
        if cell.isNull {
            if settings.color && !nullBytes.isEmpty { try out.append(TerminalColor.dim) }
            try out.append(bytes: nullBytes)
            if settings.color && !nullBytes.isEmpty { try out.append(TerminalColor.reset) }
        } else {
            try out.append(cell.bytes)
        }
    }

    private enum Wrap { case none, wrap, newline }

    /// psql's general row loop: newlines in values, wrapping, and the marks for both.
    private func writeFormattedRow(_ batch: RowBatch, row r: Int) throws {
        var lines: [[(bytes: [UInt8], width: Int)]] = []
        lines.reserveCapacity(n)
        for c in 0..<n {
            let cell = batch[r, c]
            lines.append(cell.isNull ? nullBytes.withUnsafeBufferPointer { CellFormatter.lines(of: $0, encoding: settings.clientEncoding) } : CellFormatter.lines(of: cell.bytes, encoding: settings.clientEncoding))
        }
        var currentLine = [Int](repeating: 0, count: n)
        var bytesOutput = [Int](repeating: 0, count: n)
        var wrap = [Wrap](repeating: .none, count: n)
        let data = format.rule(.data)
        var moreLines = true
        while moreLines {
            moreLines = false
            if border == 2 { try out.append(data.left) }
            for j in 0..<n {
                var charsToOutput = widthWrap[j]
                let finalSpaces = border == 2 || j < n - 1
                if border != 0 {
                    switch wrap[j] {
                    case .wrap: try out.append(format.wrapLeft)
                    case .newline: try out.append(format.newlineLeft)
                    case .none: try out.append(UInt8(ascii: " "))
                    }
                }
                if currentLine[j] >= lines[j].count {
                    if finalSpaces { try out.appendSpaces(charsToOutput) }
                } else {
                    let line = lines[j][currentLine[j]].bytes
                    let (count, width) = line.withUnsafeBufferPointer { CellFormatter.prefix(of: $0, from: bytesOutput[j], target: widthWrap[j], encoding: settings.clientEncoding) }
                    charsToOutput = min(width, widthWrap[j])
                    if segment.rightAligned[j] { try out.appendSpaces(widthWrap[j] - charsToOutput) }
                    try line.withUnsafeBufferPointer { try out.append(UnsafeBufferPointer(rebasing: $0[bytesOutput[j]..<(bytesOutput[j] + count)])) }
                    bytesOutput[j] += count
                    if bytesOutput[j] < line.count {
                        moreLines = true
                    } else {
                        currentLine[j] += 1
                        if currentLine[j] < lines[j].count { moreLines = true }
                        bytesOutput[j] = 0
                    }
                }
                wrap[j] = .none
                if currentLine[j] < lines[j].count {
                    if bytesOutput[j] != 0 { wrap[j] = .wrap } else if currentLine[j] != 0 { wrap[j] = .newline }
                }
                if !segment.rightAligned[j], finalSpaces || wrap[j] != .none {
                    try out.appendSpaces(widthWrap[j] - charsToOutput)
                }
                switch wrap[j] {
                case .wrap: try out.append(format.wrapRight)
                case .newline: try out.append(format.newlineRight)
                case .none: if border == 2 || j < n - 1 { try out.append(UInt8(ascii: " ")) }
                }
                if border != 0 && j < n - 1 {
                    switch wrap[j + 1] {
                    case .wrap: try out.append(format.midvruleWrap)
                    case .newline: try out.append(format.midvruleNewline)
                    case .none:
                        try out.append(currentLine[j + 1] >= lines[j + 1].count ? format.midvruleBlank : data.middle)
                    }
                }
            }
            if border == 2 { try out.append(data.right) }
            try out.append(UInt8(ascii: "\n"))
        }
    }
}
