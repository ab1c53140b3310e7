import PsqluiPluginAPI

/// An owned copy of up to `capacity` rows, for exporters whose output depends on a
/// whole chunk of rows (aligned text measures widths per 1000 rows) when the host's
/// batches do not line up with the chunk. Storage is reused chunk to chunk.
struct RowChunkBuffer {
    let columnCount: Int
    let capacity: Int
    private var bytes: [UInt8] = []
    /// Per cell: start offset in `bytes`, or -1 for NULL.
    private var starts: [Int] = []
    private var ends: [Int] = []
    private var types: [UInt32]
    private var views: [CellView] = []

    init(columns: [ColumnInfo], capacity: Int) {
        columnCount = columns.count
        self.capacity = max(1, capacity)
        types = columns.map(\.typeOID)
    }

    var rowCount: Int { columnCount == 0 ? 0 : starts.count / columnCount }
    var isFull: Bool { rowCount >= capacity }

    /// Copies row `row` of `batch`.
    mutating func append(row: Int, of batch: RowBatch) {
        for c in 0..<columnCount {
            let cell = batch[row, c]
            if cell.isNull {
                starts.append(-1)
                ends.append(-1)
            } else {
                starts.append(bytes.count)
                bytes.append(contentsOf: cell.bytes)
                ends.append(bytes.count)
            }
        }
    }

    /// Hands the buffered rows to `body` as one batch, then empties the buffer.
    mutating func drain(_ body: (RowBatch) throws -> Void) rethrows {
        guard !starts.isEmpty else { return }
        views.removeAll(keepingCapacity: true)
        try bytes.withUnsafeBufferPointer { storage in
            for i in 0..<starts.count {
                let type = types[i % columnCount]
                if starts[i] < 0 {
                    views.append(CellView(base: nil, count: 0, typeOID: type))
                } else {
                    // A non-nil base even for '' (the storage may be empty).
                    let base = storage.baseAddress.map { $0 + starts[i] } ?? UnsafePointer(emptyByte)
                    views.append(CellView(base: base, count: ends[i] - starts[i], typeOID: type))
                }
            }
            try views.withUnsafeBufferPointer { try body(RowBatch(cells: $0, columnCount: columnCount)) }
        }
        bytes.removeAll(keepingCapacity: true)
        starts.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
    }
}

/// One byte that empty, non-NULL values can point at.
private let emptyByte: UnsafeMutablePointer<UInt8> = {
    let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
    p.initialize(to: 0)
    return p
}()
