/// A batch of result rows handed to an exporter synchronously: `rowCount` rows of
/// `columnCount` cells, row-major, all viewing libpq's buffers in place.
///
/// A batch and its cells are valid only during the call that receives it. No per-row
/// allocation is made to build one: the host reuses its cell storage batch to batch.
@frozen
public struct RowBatch {
    /// Cells, row-major: row `r`, column `c` is at `r * columnCount + c`.
    public let cells: UnsafeBufferPointer<CellView>
    /// How many columns every row has.
    public let columnCount: Int

    @inlinable
    public init(cells: UnsafeBufferPointer<CellView>, columnCount: Int) {
        self.cells = cells
        self.columnCount = columnCount
    }

    /// How many rows this batch holds.
    @inlinable public var rowCount: Int { columnCount == 0 ? 0 : cells.count / columnCount }

    /// The cell at `row`, `column`.
    @inlinable public subscript(row: Int, column: Int) -> CellView {
        cells[row &* columnCount &+ column]
    }
}
