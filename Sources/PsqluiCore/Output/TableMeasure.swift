import PsqluiPluginAPI

/// The sizes psql's aligned formats need before printing the first row: per column
/// the widest value, the sum of widths (for `wrapped`'s averages) and whether any
/// value spans lines. Accumulated batch by batch, so a result can be measured while
/// it is spooled and printed afterwards.
struct TableMeasure {
    private(set) var maxWidth: [Int]
    private(set) var widthSum: [Int]
    private(set) var multiline: [Bool]
    private(set) var rows = 0
    private let nullLayout: CellFormatter.Layout
    private let encoding: Int32

    init(columnCount: Int, nullString: [UInt8], encoding: Int32 = CellFormatter.utf8) {
        self.encoding = encoding
        maxWidth = Array(repeating: 0, count: columnCount)
        widthSum = Array(repeating: 0, count: columnCount)
        multiline = Array(repeating: false, count: columnCount)
        nullLayout = nullString.withUnsafeBufferPointer { CellFormatter.layout(of: $0, encoding: encoding) }
    }

    mutating func add(_ batch: RowBatch) {
        let n = batch.columnCount
        guard n == maxWidth.count else { return }
        for r in 0..<batch.rowCount {
            for c in 0..<n {
                let cell = batch[r, c]
                let layout = cell.isNull ? nullLayout : CellFormatter.layout(of: cell.bytes, encoding: encoding)
                if layout.width > maxWidth[c] { maxWidth[c] = layout.width }
                widthSum[c] &+= layout.width
                if layout.lineCount > 1 { multiline[c] = true }
            }
        }
        rows += batch.rowCount
    }

    /// The widest value of any column (expanded output's data width).
    var widestValue: Int { maxWidth.max() ?? 0 }
    var anyMultiline: Bool { multiline.contains(true) }
}
