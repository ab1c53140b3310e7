/// Encodes Thrift structs in the compact protocol — the encoding of every Parquet
/// metadata structure (page headers, the file footer). Only writing, and only the
/// field types Parquet's metadata uses.
///
/// Structs are written as a sequence of fields closed by `endStruct()`; field ids are
/// delta-encoded against the previous field of the same struct, so fields of one
/// struct must be written in increasing id order.
struct ThriftCompactWriter {
    /// Compact-protocol type codes.
    enum Kind: UInt8 {
        case boolTrue = 1, boolFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
        case binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    private(set) var bytes: [UInt8] = []
    /// The last field id written, per open struct (innermost last).
    private var lastFieldIDs: [Int16] = [0]

    init() {}

    // MARK: Fields

    mutating func i32(_ id: Int16, _ value: Int32) {
        fieldHeader(id, .i32)
        varint(zigzag(Int64(value)))
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
        fieldHeader(id, .i64)
        varint(zigzag(value))
    }

    /// An `i8` field (one raw byte).
    mutating func i8(_ id: Int16, _ value: Int8) {
        fieldHeader(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func bool(_ id: Int16, _ value: Bool) {
        fieldHeader(id, value ? .boolTrue : .boolFalse)
    }

    mutating func binary(_ id: Int16, _ value: [UInt8]) {
        fieldHeader(id, .binary)
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func string(_ id: Int16, _ value: String) { binary(id, Array(value.utf8)) }

    /// Opens a struct-typed field; close it with `endStruct()`.
    mutating func beginStruct(_ id: Int16) {
        fieldHeader(id, .structure)
        lastFieldIDs.append(0)
    }

    /// Closes the innermost open struct (or the top-level struct being written).
    mutating func endStruct() {
        bytes.append(0)
        if lastFieldIDs.count > 1 { lastFieldIDs.removeLast() } else { lastFieldIDs[0] = 0 }
    }

    /// An empty struct field (Parquet's marker structs: `StringType`, `MICROS`…).
    mutating func emptyStruct(_ id: Int16) {
        beginStruct(id)
        endStruct()
    }

    // MARK: Lists

    /// Opens a list field of `count` elements of `element` kind. Write the elements
    /// with the `element…` calls (structs: `beginElementStruct`/`endStruct`).
    mutating func beginList(_ id: Int16, of element: Kind, count: Int) {
        fieldHeader(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | element.rawValue)
        } else {
            bytes.append(0xF0 | element.rawValue)
            varint(UInt64(count))
        }
    }

    mutating func elementI32(_ value: Int32) { varint(zigzag(Int64(value))) }

    mutating func elementString(_ value: String) {
        let utf8 = Array(value.utf8)
        varint(UInt64(utf8.count))
        bytes.append(contentsOf: utf8)
    }

    /// Opens a struct that is a list element (no field header).
    mutating func beginElementStruct() { lastFieldIDs.append(0) }

    // MARK: Encoding

    private mutating func fieldHeader(_ id: Int16, _ kind: Kind) {
        let delta = Int(id) - Int(lastFieldIDs[lastFieldIDs.count - 1])
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | kind.rawValue)
        } else {
            bytes.append(kind.rawValue)
            varint(zigzag(Int64(id)))
        }
        lastFieldIDs[lastFieldIDs.count - 1] = id
    }

    private func zigzag(_ v: Int64) -> UInt64 { UInt64(bitPattern: (v << 1) ^ (v >> 63)) }

    mutating func varint(_ value: UInt64) {
        var v = value
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }
}
