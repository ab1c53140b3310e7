import Glibc
import PsqluiPluginAPI

/// Holds a result until it is complete, in flat memory: the first `memoryRows` rows
/// stay in memory, the rest go to a `ScratchFile` (unlinked as soon as it is created,
/// so it disappears with the process, Ctrl-C or crash included). `replay`
/// hands the rows back in batches, in order.
final class ResultSpool {
    private let columnCount: Int
    private let memoryRows: Int
    private var arena: [UInt8] = []
    /// Per cell: offset into `arena`, or -1 for NULL; and the length.
    private var spans: [(offset: Int, count: Int)] = []
    private(set) var rowCount = 0
    private var file: ScratchFile?
    private var writeBuffer: [UInt8] = []
    private let writeBufferLimit = 256 * 1024

    init(columnCount: Int, memoryRows: Int) {
        self.columnCount = columnCount
        self.memoryRows = memoryRows
    }

    var memoryRowCount: Int { min(rowCount, memoryRows) }

    /// Keeps a copy of every row of the batch.
    func append(_ batch: RowBatch) throws {
        guard columnCount > 0 else { rowCount += batch.rowCount; return }
        for r in 0..<batch.rowCount {
            if rowCount < memoryRows {
                for c in 0..<columnCount {
                    let cell = batch[r, c]
                    if cell.isNull { spans.append((-1, 0)) } else {
                        spans.append((arena.count, cell.count))
                        arena.append(contentsOf: cell.bytes)
                    }
                }
            } else {
                try spill(batch, row: r)
            }
            rowCount += 1
        }
    }

    private func spill(_ batch: RowBatch, row r: Int) throws {
        if file == nil {
            file = try ScratchFile(bufferSize: 4096)
            writeBuffer.reserveCapacity(writeBufferLimit + 4096)
        }
        for c in 0..<columnCount {
            let cell = batch[r, c]
            var length = Int32(cell.isNull ? -1 : cell.count).littleEndian
            withUnsafeBytes(of: &length) { writeBuffer.append(contentsOf: $0) }
            if !cell.isNull { writeBuffer.append(contentsOf: cell.bytes) }
        }
        if writeBuffer.count >= writeBufferLimit { try flushWrites() }
    }

    private func flushWrites() throws {
        guard !writeBuffer.isEmpty, let file else { return }
        try file.append(writeBuffer)
        writeBuffer.removeAll(keepingCapacity: true)
    }

    /// Calls `body` with the rows in order, at most `batchSize` rows at a time.
    func replay(batchSize: Int, _ body: (RowBatch) throws -> Void) throws {
        let n = columnCount
        guard n > 0 else { return }
        var cells: [CellView] = []
        cells.reserveCapacity(batchSize * n)
        try arena.withUnsafeBufferPointer { a in
            let base = a.baseAddress
            var r = 0
            let rows = memoryRowCount
            while r < rows {
                cells.removeAll(keepingCapacity: true)
                let end = min(rows, r + batchSize)
                for i in (r * n)..<(end * n) {
                    let s = spans[i]
                    cells.append(s.offset < 0 ? CellView(base: nil, count: 0, typeOID: 0)
                                              : CellView(base: (base ?? UnsafePointer(bitPattern: 1)!) + s.offset, count: s.count, typeOID: 0))
                }
                try cells.withUnsafeBufferPointer { try body(RowBatch(cells: $0, columnCount: n)) }
                r = end
            }
        }
        guard let file else { return }
        try flushWrites()
        try replayFile(file, batchSize: batchSize, body)
    }

    private func replayFile(_ file: ScratchFile, batchSize: Int, _ body: (RowBatch) throws -> Void) throws {
        let n = columnCount
        var readOffset: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        var filled = 0, start = 0
        var eof = false
        var cells: [CellView] = []
        cells.reserveCapacity(batchSize * n)
        var rowSpans: [(Int, Int)] = []   // (offset in buffer or -1, count) for the batch being built
        rowSpans.reserveCapacity(batchSize * n)

        func readMore() throws {
            if start > 0 {
                buffer.withUnsafeMutableBufferPointer { b in
                    _ = memmove(b.baseAddress!, b.baseAddress! + start, filled - start)
                }
                filled -= start
                start = 0
            }
            if filled == buffer.count { buffer.append(contentsOf: repeatElement(0, count: buffer.count)) }
            let got = try buffer.withUnsafeMutableBytes {
                try file.read(at: readOffset, into: UnsafeMutableRawBufferPointer(rebasing: $0[filled...]))
            }
            readOffset += Int64(got)
            if got == 0 { eof = true }
            filled += got
        }

        func emit() throws {
            guard !rowSpans.isEmpty else { return }
            try buffer.withUnsafeBufferPointer { b in
                cells.removeAll(keepingCapacity: true)
                for (offset, count) in rowSpans {
                    cells.append(offset < 0 ? CellView(base: nil, count: 0, typeOID: 0) : CellView(base: b.baseAddress! + offset, count: count, typeOID: 0))
                }
                try cells.withUnsafeBufferPointer { try body(RowBatch(cells: $0, columnCount: n)) }
            }
            rowSpans.removeAll(keepingCapacity: true)
        }

        while true {
            // Parse whole rows from `start`; stop at an incomplete one.
            var rowsInBatch = 0
            var complete = true
            while rowsInBatch < batchSize {
                var p = start
                let mark = rowSpans.count
                for _ in 0..<n {
                    guard p + 4 <= filled else { complete = false; break }
                    let length = buffer.withUnsafeBytes { Int(Int32(littleEndian: $0.loadUnaligned(fromByteOffset: p, as: Int32.self))) }
                    p += 4
                    if length < 0 { rowSpans.append((-1, 0)); continue }
                    guard p + length <= filled else { complete = false; break }
                    rowSpans.append((p, length))
                    p += length
                }
                guard complete else { rowSpans.removeSubrange(mark...); break }
                start = p
                rowsInBatch += 1
            }
            try emit()
            if complete && rowsInBatch == batchSize { continue }
            if eof { break }
            try readMore()
            if eof && start == filled { break }
        }
    }
}
