import PsqluiPluginAPI

/// Draws a table piece as psql's expanded records (`\x`, `-x`; psql's
/// `print_aligned_vertical`): a `-[ RECORD n ]` rule per row, then one
/// `name | value` line per column, in every border and line style, wrapped at the
/// target width in the `wrapped` format. Widths come from a `TableMeasure`.
final class ExpandedRecordWriter: TableWriter {
    private let out: OutputBuffer
    private let settings: PrintSettings
    private let segment: TableSegment
    private let format: TableLineFormat
    private let border: Int
    private let nullBytes: [UInt8]
    private let headerLines: [[(bytes: [UInt8], width: Int)]]
    private let hwidth: Int
    private let hmultiline: Bool
    private var dwidth: Int
    private var dmultiline: Bool
    private var record: Int
    private var cellIndex = 0
    private let emptyTable: Bool

    init(out: OutputBuffer, segment: TableSegment, settings: PrintSettings, measure: TableMeasure) {
        self.out = out
        self.settings = settings
        self.segment = segment
        self.format = TableLineFormat.of(settings)
        self.border = min(max(settings.border, 0), 2)
        self.nullBytes = Array(settings.nullString.utf8)
        self.headerLines = segment.headers.map { h in h.withUnsafeBufferPointer { CellFormatter.lines(of: $0, encoding: settings.clientEncoding) } }
        self.hwidth = headerLines.flatMap { $0.map(\.width) }.max() ?? 0
        self.hmultiline = headerLines.contains { $0.count > 1 }
        self.record = segment.priorRecords + 1
        self.emptyTable = segment.rowCount == 0 || segment.columns.isEmpty
        var dwidth = measure.widestValue
        var dmultiline = measure.anyMultiline
        let oldAscii = format.isOldAscii
        // psql ≥ 15.19 (and 16) also widen `aligned` records to the record header line;
        // 15.18 did so only in `wrapped`. The machines' psql 15 is 15.20.
        if settings.format == .wrapped || settings.format == .aligned {
            var swidth: Int
            switch border {
            case 0: swidth = 1 + (hmultiline ? 1 : 0)
            case 1: swidth = 3 + (hmultiline && oldAscii ? 1 : 0)
            default: swidth = 7
            }
            if dmultiline && border < 2 && !oldAscii { swidth += 1 }
            var rwidth = 0
            if !settings.tuplesOnly {
                if segment.rowCount > 0 { rwidth = 1 + Self.log10(segment.rowCount) }
                rwidth += border == 0 ? 9 : (border == 1 ? 12 : 15)
            }
            let columns = settings.outputColumns
            var newdwidth: Int
            while true {
                let width = max(hwidth + swidth + dwidth, rwidth)
                if settings.format == .wrapped && columns > 0 {
                    let minWidth = max(hwidth + swidth + 3, rwidth)
                    if columns >= width { newdwidth = width - hwidth - swidth }
                    else if columns < minWidth { newdwidth = minWidth - hwidth - swidth }
                    else { newdwidth = columns - hwidth - swidth }
                } else {
                    newdwidth = width - hwidth - swidth
                }
                if newdwidth < dwidth && !dmultiline && border < 2 && !oldAscii {
                    dmultiline = true
                    swidth += 1
                } else {
                    break
                }
            }
            dwidth = newdwidth
        }
        self.dwidth = dwidth
        self.dmultiline = dmultiline
    }

    private static func log10(_ n: Int) -> Int {
        var k = 0, v = n
        while v >= 10 { v /= 10; k += 1 }
        return k
    }

    // MARK: TableWriter

    func begin() throws {
        if emptyTable && segment.startTable && segment.stopTable { return }  // `end` prints the footer
        if segment.startTable, !settings.tuplesOnly, let title = segment.title {
            try out.append(title)
            try out.append(UInt8(ascii: "\n"))
        }
    }

    func write(_ batch: RowBatch) throws {
        let n = batch.columnCount
        guard n > 0 else { return }
        for r in 0..<batch.rowCount {
            for c in 0..<n {
                try writeField(batch[r, c], column: c, columnCount: n)
                cellIndex += 1
            }
        }
    }

    func end() throws {
        if emptyTable && segment.startTable && segment.stopTable {
            if !settings.tuplesOnly, let footers = segment.footersWithDefault(settings) {
                for f in footers { try out.append(f + "\n") }
            }
            try out.append(UInt8(ascii: "\n"))
            return
        }
        guard segment.stopTable else { return }
        if border == 2 { try recordLine(record: 0, hwidth: hwidth, position: .bottom) }
        if !settings.tuplesOnly, let footers = segment.footers {
            if border < 2 { try out.append(UInt8(ascii: "\n")) }
            for f in footers { try out.append(f + "\n") }
        }
        try out.append(UInt8(ascii: "\n"))
    }

    // MARK: Pieces

    /// psql's `print_aligned_vertical_line`.
    private func recordLine(record: Int, hwidth: Int, position: TableLineFormat.RulePosition) throws {
        let rule = format.rule(position)
        if border == 2 { try out.append(rule.left + rule.horizontal) } else if border == 1 { try out.append(rule.horizontal) }
        var reclen = 0
        if record > 0 {
            let label = border == 0 ? "* Record \(record)" : "[ RECORD \(record) ]"
            try out.append(label)
            reclen = label.utf8.count
        }
        if border != 2 { reclen += 1 }
        let filler = border > 0 ? rule.horizontal : " "
        var i = reclen
        while i < hwidth { try out.append(filler); i += 1 }
        reclen -= hwidth
        if border > 0 {
            if reclen <= 0 { try out.append(rule.horizontal) }
            reclen -= 1
            if reclen <= 0 { try out.append(rule.middle) }
            reclen -= 1
            if reclen <= 0 { try out.append(rule.horizontal) }
            reclen -= 1
        } else {
            if reclen <= 0 { try out.append(UInt8(ascii: " ")) }
            reclen -= 1
        }
        if reclen < 0 { reclen = 0 }
        i = reclen
        while i < dwidth { try out.append(filler); i += 1 }
        if border == 2 { try out.append(rule.horizontal + rule.right) }
        try out.append(UInt8(ascii: "\n"))
    }

    private func writeField(_ cell: CellView, column c: Int, columnCount n: Int) throws {
        let data = format.rule(.data)
        let oldAscii = format.isOldAscii
        if c == 0 {
            let position: TableLineFormat.RulePosition = cellIndex == 0 ? .top : .middle
            var lhwidth = hwidth
            if border < 2 && hmultiline && oldAscii { lhwidth += 1 }
            if !settings.tuplesOnly {
                try recordLine(record: record, hwidth: lhwidth, position: position)
                record += 1
            } else if cellIndex != 0 || !segment.startTable || border == 2 {
                try recordLine(record: 0, hwidth: lhwidth, position: position)
            }
        }
        let hlines = headerLines[c]
        let dlines = cell.isNull ? nullBytes.withUnsafeBufferPointer { CellFormatter.lines(of: $0, encoding: settings.clientEncoding) } : CellFormatter.lines(of: cell.bytes, encoding: settings.clientEncoding)
        var dline = 0, hline = 0
        var dcomplete = false, hcomplete = false
        var offset = 0
        var charsToOutput = dlines[0].width
        while !dcomplete || !hcomplete {
            if border == 2 { try out.append(data.left) }
            if !hcomplete {
                if border == 2 || (hmultiline && oldAscii) { try out.append(hline > 0 ? format.headerNewlineLeft : " ") }
                let text = hlines[hline]
                if settings.color { try out.append(TerminalColor.bold) }
                try out.append(bytes: text.bytes)
                if settings.color { try out.append(TerminalColor.reset) }
                let pad = hwidth - text.width
                if pad > 0 { try out.appendSpaces(pad) }
                if hline + 1 < hlines.count {
                    if border > 0 || (hmultiline && !oldAscii) { try out.append(format.headerNewlineRight) }
                    hline += 1
                } else {
                    if border > 0 || (hmultiline && !oldAscii) { try out.append(UInt8(ascii: " ")) }
                    hcomplete = true
                }
            } else {
                var swidth = hwidth + border
                if border < 2 && hmultiline && oldAscii { swidth += 1 }
                if border == 0 && !oldAscii && hmultiline { swidth += 1 }
                try out.appendSpaces(max(swidth, 1))
            }
            if border > 0 {
                if offset != 0 { try out.append(format.midvruleWrap) }
                else if dline == 0 { try out.append(data.middle) }
                else { try out.append(format.midvruleNewline) }
            }
            if !dcomplete {
                try out.append(offset == 0 ? " " : format.wrapLeft)
                let line = dlines[dline].bytes
                let (count, width) = line.withUnsafeBufferPointer { CellFormatter.prefix(of: $0, from: offset, target: dwidth, encoding: settings.clientEncoding) }
                let dim = settings.color && cell.isNull && !line.isEmpty
                if dim { try out.append(TerminalColor.dim) }
                try line.withUnsafeBufferPointer { try out.append(UnsafeBufferPointer(rebasing: $0[offset..<(offset + count)])) }
                if dim { try out.append(TerminalColor.reset) }
                charsToOutput -= width
                offset += count
                let swidth = dwidth - width
                if charsToOutput > 0 {
                    if border > 1 || (dmultiline && !oldAscii) {
                        if swidth > 0 { try out.appendSpaces(swidth) }
                        try out.append(format.wrapRight)
                    }
                } else if dline + 1 < dlines.count {
                    if border > 1 || (dmultiline && !oldAscii) {
                        if swidth > 0 { try out.appendSpaces(swidth) }
                        try out.append(format.newlineRight)
                    }
                    dline += 1
                    offset = 0
                    charsToOutput = dlines[dline].width
                } else {
                    if border > 1 {
                        if swidth > 0 { try out.appendSpaces(swidth) }
                        try out.append(UInt8(ascii: " "))
                    }
                    dcomplete = true
                }
                if border == 2 { try out.append(data.right) }
                try out.append(UInt8(ascii: "\n"))
            } else {
                if border < 2 {
                    try out.append(UInt8(ascii: "\n"))
                } else {
                    try out.appendSpaces(dwidth)
                    try out.append("  " + data.right + "\n")
                }
            }
        }
    }
}
