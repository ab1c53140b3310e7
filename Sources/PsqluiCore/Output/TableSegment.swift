import PsqluiPluginAPI

/// What one psql `printTable` call draws: the columns, optional title and footers,
/// and whether this piece starts or ends the table (with FETCH_COUNT a result is
/// printed as several pieces; otherwise one piece holds the whole result).
struct TableSegment {
    let columns: [ColumnInfo]
    /// Header bytes per column (psql's `headers`).
    let headers: [[UInt8]]
    /// True for right-aligned (numeric) columns (psql's `aligns[i] == 'r'`).
    let rightAligned: [Bool]
    var title: String?
    /// Footer lines given by the caller (catalog commands); nil means psql's default
    /// `(N rows)` footer when `footer` is on.
    var footers: [String]?
    var startTable = true
    var stopTable = true
    /// Rows printed by earlier pieces of the same result.
    var priorRecords = 0
    /// Rows in this piece.
    var rowCount = 0

    init(columns: [ColumnInfo], title: String?, footers: [String]?) {
        self.columns = columns
        self.headers = columns.map { Array($0.name.utf8) }
        self.rightAligned = columns.map { TypeOID.isNumeric($0.typeOID) || $0.typeOID == 5069 }  // xid8 too, as psql
        self.title = title
        self.footers = footers
    }

    /// psql's `footers_with_default`: the caller's footers, or `(N rows)`.
    func footersWithDefault(_ settings: PrintSettings) -> [String]? {
        if let footers { return footers }
        guard settings.footer else { return nil }
        let total = priorRecords + rowCount
        return [total == 1 ? "(1 row)" : "(\(total) rows)"]
    }
}

/// One of psql's output formats drawing a table piece: `begin` (title, header when
/// the piece starts the table), `write` for each batch of rows, `end` (footers when
/// it stops the table).
protocol TableWriter: AnyObject {
    func begin() throws
    func write(_ batch: RowBatch) throws
    func end() throws
}

extension OutputBuffer {
    /// Appends a `[UInt8]` without copying it.
    func append(bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try append($0) }
    }

    /// Appends a cell's bytes, or the NULL text for a NULL cell.
    func append(cell: CellView, null: [UInt8]) throws {
        if cell.isNull { try append(bytes: null) } else { try append(cell.bytes) }
    }
}
