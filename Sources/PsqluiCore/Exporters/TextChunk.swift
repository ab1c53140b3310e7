import PsqluiPluginAPI

/// Up to one chunk of rows, copied and pre-formatted for aligned text output the way
/// psql formats cells (`pg_wcsformat`): TAB expanded to the next multiple of 8, CR as
/// `\r`, other control characters as `\xNN`, LF kept as the line separator.
///
/// Storage is reused from chunk to chunk, so after the first chunk no allocation is
/// made per row.
struct TextChunk {
    /// Formatted bytes of every cell.
    private(set) var bytes: [UInt8] = []
    /// Per cell: the start of each of its lines in `bytes`, then one end offset.
    /// `lineStarts[cellLineIndex[cell] ..< cellLineIndex[cell + 1]]`.
    private(set) var lineBounds: [Int] = []
    private(set) var lineWidths: [Int] = []
    /// Per cell, index into `lineBounds`/`lineWidths` of its first line; one extra at the end.
    private(set) var cellFirstLine: [Int] = [0]
    let columnCount: Int

    init(columnCount: Int) {
        self.columnCount = columnCount
        bytes.reserveCapacity(64 * 1024)
    }

    var rowCount: Int { columnCount == 0 ? 0 : (cellFirstLine.count - 1) / columnCount }
    var cellCount: Int { cellFirstLine.count - 1 }

    mutating func removeAll() {
        bytes.removeAll(keepingCapacity: true)
        lineBounds.removeAll(keepingCapacity: true)
        lineWidths.removeAll(keepingCapacity: true)
        cellFirstLine.removeAll(keepingCapacity: true)
        cellFirstLine.append(0)
    }

    /// Copies one cell, formatted.
    mutating func append(_ cell: UnsafeBufferPointer<UInt8>) {
        var lineStart = bytes.count
        var column = 0   // display column within the current line, for TAB stops
        var i = 0
        let n = cell.count
        func endLine() {
            lineBounds.append(lineStart)
            lineWidths.append(column)
        }
        while i < n {
            let b = cell[i]
            if b == 10 {
                endLine()
                i += 1
                lineStart = bytes.count
                column = 0
                continue
            }
            if b == 9 {
                let spaces = 8 - column % 8
                for _ in 0..<spaces { bytes.append(UInt8(ascii: " ")) }
                column += spaces
            } else if b == 13 {
                bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "r"))
                column += 2
            } else if b < 0x20 || b == 0x7F {
                let hex = Array("0123456789ABCDEF".utf8)
                bytes.append(UInt8(ascii: "\\")); bytes.append(UInt8(ascii: "x"))
                bytes.append(hex[Int(b >> 4)]); bytes.append(hex[Int(b & 15)])
                column += 4
            } else if b < 0x80 {
                bytes.append(b)
                column += 1
            } else {
                let (scalar, length) = DisplayWidth.decode(cell, at: i)
                for k in 0..<length { bytes.append(cell[i + k]) }
                column += DisplayWidth.of(scalar)
                i += length
                continue
            }
            i += 1
        }
        endLine()
        cellFirstLine.append(lineBounds.count)
    }

    /// Lines of cell `index`: their count.
    func lineCount(_ cell: Int) -> Int { cellFirstLine[cell + 1] - cellFirstLine[cell] }

    /// The widest line of cell `index`.
    func width(_ cell: Int) -> Int {
        var w = 0
        for l in cellFirstLine[cell]..<cellFirstLine[cell + 1] where lineWidths[l] > w { w = lineWidths[l] }
        return w
    }

    /// Line `line` of cell `cell`: bytes and display width.
    func line(_ cell: Int, _ line: Int) -> (Range<Int>, Int) {
        let l = cellFirstLine[cell] + line
        let start = lineBounds[l]
        let end = l + 1 < lineBounds.count ? nextLineStart(after: l) : bytes.count
        return (start..<end, lineWidths[l])
    }

    /// The end of line `l`: where the next line starts (lines are stored back to back).
    private func nextLineStart(after l: Int) -> Int { lineBounds[l + 1] }

    /// Writes bytes `range` to `output`.
    func write(_ range: Range<Int>, to output: OutputBuffer) throws {
        try bytes.withUnsafeBufferPointer { try output.append(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

extension OutputBuffer {
    /// Appends `count` copies of `byte` (padding).
    func append(repeating byte: UInt8, count: Int) throws {
        var n = count
        while n > 0 { try append(byte); n -= 1 }
    }
}
