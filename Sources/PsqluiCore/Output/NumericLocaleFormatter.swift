import PsqluiPluginAPI

/// psql's `numericlocale`: digits of numeric columns grouped in threes with `,`
/// (what psql's `format_numeric_locale` gives in the C and C.UTF-8 locales
/// psqlui runs in); values that do not look like numbers stay as they are.
final class NumericLocaleFormatter {
    private let numeric: [Bool]
    private var scratch: [UInt8] = []
    private var cells: [CellView] = []

    init(columns: [ColumnInfo]) {
        numeric = columns.map { TypeOID.isNumeric($0.typeOID) || $0.typeOID == 5069 }
    }

    /// Calls `body` with the batch, numeric cells grouped.
    func format(_ batch: RowBatch, _ body: (RowBatch) throws -> Void) throws {
        guard numeric.contains(true), batch.columnCount == numeric.count else { return try body(batch) }
        scratch.removeAll(keepingCapacity: true)
        var spans: [(Int, Int)?] = []
        spans.reserveCapacity(batch.cells.count)
        for (i, cell) in batch.cells.enumerated() {
            if cell.isNull { spans.append(nil); continue }
            let start = scratch.count
            if numeric[i % numeric.count] { Self.group(cell.bytes, into: &scratch) } else { scratch.append(contentsOf: cell.bytes) }
            spans.append((start, scratch.count - start))
        }
        scratch.append(0)
        try scratch.withUnsafeBufferPointer { base in
            cells.removeAll(keepingCapacity: true)
            for (i, span) in spans.enumerated() {
                let oid = batch.cells[i].typeOID
                if let (o, c) = span { cells.append(CellView(base: base.baseAddress! + o, count: c, typeOID: oid)) } else { cells.append(CellView(base: nil, count: 0, typeOID: oid)) }
            }
            try cells.withUnsafeBufferPointer { try body(RowBatch(cells: $0, columnCount: batch.columnCount)) }
        }
    }

    static func group(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        let allowed = Set("0123456789+-.eE".utf8)
        guard bytes.allSatisfy({ allowed.contains($0) }) else { out.append(contentsOf: bytes); return }
        var i = 0
        if i < bytes.count && (bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+")) { out.append(bytes[i]); i += 1 }
        var digits = 0
        while i + digits < bytes.count && (0x30...0x39).contains(bytes[i + digits]) { digits += 1 }
        var leading = digits % 3
        if leading == 0 { leading = 3 }
        for k in 0..<digits {
            if k > 0 {
                leading -= 1
                if leading == 0 { out.append(UInt8(ascii: ",")); leading = 3 }
            }
            out.append(bytes[i + k])
        }
        i += digits
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i...]))
    }
}
