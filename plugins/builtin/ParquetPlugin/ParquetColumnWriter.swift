import PsqluiPluginAPI

/// Collects one column's values for the current row group: PLAIN-encoded values and
/// definition (and, for lists, repetition) levels of the page being filled in memory;
/// the row group's finished pages wait in the writer's scratch file (shared by all
/// columns), so memory holds one page per column whatever the row group's size.
final class ParquetColumnWriter {
    let name: String
    let type: ParquetColumnType
    private let codec: ParquetCompression
    private let spool: ScratchFile

    // The page being filled.
    private var values: [UInt8] = []
    private var definitionLevels: [UInt8] = []
    private var repetitionLevels: [UInt8] = []
    private var boolByte: UInt8 = 0
    private var boolCount = 0
    private var elements = PostgresArrayElements()

    /// Where the row group's finished pages (header and body each) lie in the spool.
    private var pages: [(offset: Int64, count: Int64)] = []
    private var chunkBytes = 0
    private var chunkUncompressedSize = 0
    private var chunkValueCount = 0

    init(name: String, type: ParquetColumnType, codec: ParquetCompression, spool: ScratchFile) {
        self.name = name
        self.type = type
        self.codec = codec
        self.spool = spool
    }

    /// Bytes of the row group so far (finished pages and the current page).
    var bufferedBytes: Int { chunkBytes + values.count + definitionLevels.count + repetitionLevels.count }
    /// Bytes of the page being filled.
    var pageBytes: Int { values.count + definitionLevels.count + repetitionLevels.count }

    // MARK: Values

    /// Appends one row's value.
    func append(_ cell: CellView) throws {
        if cell.isNull {
            definitionLevels.append(0)
            if type.isList { repetitionLevels.append(0) }
            return
        }
        guard type.isList else {
            definitionLevels.append(1)
            try appendScalar(cell.bytes)
            return
        }
        var first = true
        let parsed = try elements.read(cell.bytes) { element in
            repetitionLevels.append(first ? 0 : 1)
            first = false
            if let element {
                definitionLevels.append(3)
                try appendScalar(element)
            } else {
                definitionLevels.append(2)
            }
        }
        guard parsed else { throw invalid(cell.bytes, "an array") }
        if first {   // empty array: the list is defined but has no element
            repetitionLevels.append(0)
            definitionLevels.append(1)
        }
    }

    private func appendScalar(_ s: UnsafeBufferPointer<UInt8>) throws {
        switch type.scalar {
        case .boolean:
            guard let b = PostgresTextValue.bool(s) else { throw invalid(s, "a boolean") }
            if b { boolByte |= 1 << UInt8(boolCount) }
            boolCount += 1
            if boolCount == 8 { values.append(boolByte); boolByte = 0; boolCount = 0 }
        case .int16:
            guard let v = PostgresTextValue.int64(s), let i = Int16(exactly: v) else { throw invalid(s, "an int2") }
            appendLittleEndian(UInt32(bitPattern: Int32(i)))
        case .int32:
            guard let v = PostgresTextValue.int64(s), let i = Int32(exactly: v) else { throw invalid(s, "an int4") }
            appendLittleEndian(UInt32(bitPattern: i))
        case .int64:
            guard let v = PostgresTextValue.int64(s) else { throw invalid(s, "an int8") }
            appendLittleEndian(UInt64(bitPattern: v))
        case .float:
            guard let v = PostgresTextValue.float(s) else { throw invalid(s, "a float4") }
            appendLittleEndian(v.bitPattern)
        case .double:
            guard let v = PostgresTextValue.double(s) else { throw invalid(s, "a float8") }
            appendLittleEndian(v.bitPattern)
        case .decimal(let precision, let scale):
            guard let v = PostgresTextValue.unscaledDecimal(s, scale: scale) else {
                throw ParquetExportError("column \"\(name)\": \(String(decoding: s, as: UTF8.self)) does not fit DECIMAL(\(precision),\(scale)); export the column as text (\(name)::text)")
            }
            if precision <= 9 {
                appendLittleEndian(UInt32(bitPattern: Int32(truncatingIfNeeded: v)))
            } else if precision <= 18 {
                appendLittleEndian(UInt64(bitPattern: Int64(truncatingIfNeeded: v)))
            } else {
                let u = UInt128(bitPattern: v)
                for k in (0..<16).reversed() { values.append(UInt8(truncatingIfNeeded: u >> (8 * UInt128(k)))) }
            }
        case .string, .json:
            appendLittleEndian(UInt32(s.count))
            values.append(contentsOf: s)
        case .bytes:
            let at = values.count
            appendLittleEndian(UInt32(0))
            guard PostgresTextValue.bytea(s, into: &values) else { throw invalid(s, "a bytea") }
            let n = UInt32(values.count - at - 4)
            for k in 0..<4 { values[at + k] = UInt8(truncatingIfNeeded: n >> (8 * UInt32(k))) }
        case .date:
            guard let d = PostgresTextValue.date(s) else { throw invalid(s, "an ISO date (DateStyle ISO)") }
            appendLittleEndian(UInt32(bitPattern: d))
        case .timestamp(let utc):
            guard let t = PostgresTextValue.timestampMicros(s, withZone: utc) else {
                throw invalid(s, utc ? "an ISO timestamptz (DateStyle ISO)" : "an ISO timestamp (DateStyle ISO)")
            }
            appendLittleEndian(UInt64(bitPattern: t))
        case .uuid:
            guard PostgresTextValue.uuid(s, into: &values) else { throw invalid(s, "a uuid") }
        }
    }

    @inline(__always) private func appendLittleEndian<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { values.append(contentsOf: $0) }
    }

    private func invalid(_ s: UnsafeBufferPointer<UInt8>, _ what: String) -> ParquetExportError {
        let text = String(decoding: s.prefix(80), as: UTF8.self)
        return ParquetExportError("column \"\(name)\": \"\(text)\" is not \(what)")
    }

    // MARK: Pages

    /// Closes the current page (if it has values) into the row group's chunk.
    func closePage() throws {
        let entries = definitionLevels.count
        guard entries > 0 else { return }
        if boolCount > 0 { values.append(boolByte); boolByte = 0; boolCount = 0 }
        var body: [UInt8] = []
        body.reserveCapacity(values.count + entries / 4 + 16)
        if type.maxRepetitionLevel > 0 {
            LevelEncoder.encode(repetitionLevels, bitWidth: LevelEncoder.bitWidth(maxLevel: type.maxRepetitionLevel), into: &body)
        }
        LevelEncoder.encode(definitionLevels, bitWidth: LevelEncoder.bitWidth(maxLevel: type.maxDefinitionLevel), into: &body)
        body.append(contentsOf: values)
        let stored = try codec.compress(body)
        var header = ThriftCompactWriter()
        header.i32(1, 0)                          // type: DATA_PAGE
        header.i32(2, Int32(body.count))          // uncompressed_page_size
        header.i32(3, Int32(stored.count))        // compressed_page_size
        header.beginStruct(5)                     // data_page_header
        header.i32(1, Int32(entries))             // num_values (levels, nulls included)
        header.i32(2, 0)                          // encoding: PLAIN
        header.i32(3, 3)                          // definition_level_encoding: RLE
        header.i32(4, 3)                          // repetition_level_encoding: RLE
        header.endStruct()
        header.endStruct()
        let at = spool.size
        try spool.append(header.bytes)
        try spool.append(stored)
        pages.append((at, spool.size - at))
        chunkBytes += header.bytes.count + stored.count
        chunkUncompressedSize += header.bytes.count + body.count
        chunkValueCount += entries
        values.removeAll(keepingCapacity: true)
        definitionLevels.removeAll(keepingCapacity: true)
        repetitionLevels.removeAll(keepingCapacity: true)
    }

    /// Copies the row group's column chunk (its pages, in order) from the spool to
    /// `output` and starts an empty one.
    func writeChunk(to output: OutputBuffer) throws -> (size: Int, uncompressedSize: Int, valueCount: Int) {
        try closePage()
        for page in pages { try spool.copy(from: page.offset, count: page.count, to: output) }
        defer {
            pages.removeAll(keepingCapacity: true)
            chunkBytes = 0
            chunkUncompressedSize = 0
            chunkValueCount = 0
        }
        return (chunkBytes, chunkUncompressedSize, chunkValueCount)
    }
}

/// Reads one array value's elements (a scratch buffer reused across elements).
struct PostgresArrayElements {
    private var scratch: [UInt8] = []
    mutating func read(_ s: UnsafeBufferPointer<UInt8>, _ element: (UnsafeBufferPointer<UInt8>?) throws -> Void) throws -> Bool {
        try PostgresArrayLiteral.forEachElement(s, scratch: &scratch, element)
    }
}
