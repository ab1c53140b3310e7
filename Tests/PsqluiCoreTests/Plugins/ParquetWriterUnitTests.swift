import PsqluiPluginAPI
import Testing
@testable import ParquetPlugin

/// The Parquet plugin's small pure parts, case by case (the whole file is checked
/// against pyarrow in the integration tests).
struct ParquetWriterUnitTests {
    static func bytes(_ s: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var copy = s
        copy.withUTF8 { body($0) }
    }

    // MARK: Thrift compact protocol

    @Test func thriftFieldsUseDeltaHeadersZigzagVarintsAndStopBytes() {
        var w = ThriftCompactWriter()
        w.i32(1, 1)              // 0x15 delta 1 type i32, zigzag(1) = 2
        w.i64(3, -1)             // 0x26 delta 2 type i64, zigzag(-1) = 1
        w.string(4, "ab")        // 0x18 len 2
        w.bool(20, true)         // delta 16 > 15: long form 0x01 then zigzag(20) = 40
        w.beginStruct(21)        // 0x1C
        w.i32(1, 300)            // 0x15, zigzag(300) = 600 = 0xD8 0x04
        w.endStruct()            // 0x00
        w.beginList(22, of: .i32, count: 2)   // 0x19, 0x25
        w.elementI32(0); w.elementI32(3)      // 0x00 0x06
        w.endStruct()
        #expect(w.bytes == [0x15, 0x02, 0x26, 0x01, 0x18, 0x02, 0x61, 0x62, 0x01, 0x28, 0x1C, 0x15, 0xD8, 0x04, 0x00,
                            0x19, 0x25, 0x00, 0x06, 0x00])
    }

    @Test func thriftLongListsCarryTheirSizeAsAVarint() {
        var w = ThriftCompactWriter()
        w.beginList(1, of: .structure, count: 20)
        #expect(w.bytes == [0x19, 0xFC, 20])
    }

    // MARK: Levels

    @Test(arguments: [
        // (levels, bit width, encoded after the 4-byte length)
        ([1, 0, 1], 1, [0x03, 0b101]),                                 // one bit-packed group
        (Array(repeating: 1, count: 20), 1, [40, 1]),                 // one RLE run of 20
        ([0] + Array(repeating: 1, count: 20), 1, [0x03, 0b1111_1110, 26, 1]),   // 8 literals, then a run of 13
        ([3, 2, 0], 2, [0x03, 0b00_10_11, 0x00]),                      // 2-bit levels: one group of 8 is 2 bytes
    ] as [([UInt8], Int, [UInt8])])
    func levelsAreRLEOrBitPackedHybrid(_ levels: [UInt8], _ width: Int, _ expected: [UInt8]) {
        var out: [UInt8] = []
        LevelEncoder.encode(levels, bitWidth: width, into: &out)
        #expect(Array(out.dropFirst(4)) == expected)
        #expect(out.prefix(4).elementsEqual([UInt8(expected.count), 0, 0, 0]))
    }

    // MARK: Values

    @Test(arguments: [
        ("2024-01-01", Int32(19723)), ("1970-01-01", 0), ("1969-12-31", -1), ("0044-03-15 BC", -735_160),
        ("2000-02-29", 11016), ("infinity", Int32.max), ("-infinity", Int32.min),
    ])
    func datesAreDaysSinceTheEpoch(_ text: String, _ days: Int32) {
        Self.bytes(text) { #expect(PostgresTextValue.date($0) == days) }
    }

    @Test(arguments: [
        ("2024-01-01 05:30:00+05:30", true, Int64(1_704_067_200_000_000)),
        ("1970-01-01 00:00:00.000001+00", true, 1),
        ("1800-01-01 05:53:28+05:53:28", true, -5_364_662_400_000_000),
        ("2024-02-29 23:59:59.999999", false, 1_709_251_199_999_999),
        ("0001-01-01 00:00:00 BC", false, -62_167_219_200_000_000),
        ("infinity", true, Int64.max), ("-infinity", false, Int64.min),
    ])
    func timestampsAreUTCMicroseconds(_ text: String, _ zone: Bool, _ micros: Int64) {
        Self.bytes(text) { #expect(PostgresTextValue.timestampMicros($0, withZone: zone) == micros) }
    }

    @Test(arguments: ["2024-01-01", "2024-01-01 00:00:00", "01/02/2024 00:00:00+00", "2024-13-01 00:00:00+00"])
    func nonISOTimestampTextIsRejected(_ text: String) {
        Self.bytes(text) { #expect(PostgresTextValue.timestampMicros($0, withZone: true) == nil) }
    }

    @Test(arguments: [
        ("12.50", 2, Int128(1250)), ("-0.01", 2, -1), ("7", 2, 700), ("0", 0, 0),
        ("-99999999999999999999999.99999", 5, -9_999_999_999_999_999_999_999_999_999),
        ("NaN", 2, nil), ("1.234", 2, nil), ("", 0, nil),
    ] as [(String, Int, Int128?)])
    func decimalsAreUnscaledIntegers(_ text: String, _ scale: Int, _ unscaled: Int128?) {
        Self.bytes(text) { #expect(PostgresTextValue.unscaledDecimal($0, scale: scale) == unscaled) }
    }

    @Test(arguments: [("-9223372036854775808", Int64.min), ("9223372036854775807", Int64.max), ("42", 42)] as [(String, Int64?)])
    func integersParseToTheirFullRange(_ text: String, _ value: Int64?) {
        Self.bytes(text) { #expect(PostgresTextValue.int64($0) == value) }
    }

    @Test func integerOverflowAndJunkAreRejected() {
        for text in ["9223372036854775808", "1.0", "", "-", "12a"] {
            Self.bytes(text) { #expect(PostgresTextValue.int64($0) == nil, "\(text)") }
        }
    }

    @Test(arguments: [("\\x00ff", [0x00, 0xFF]), ("\\x", []), ("a\\\\b\\001", [0x61, 0x5C, 0x62, 0x01])] as [(String, [UInt8])])
    func byteaHexAndEscapeFormatsDecode(_ text: String, _ expected: [UInt8]) {
        var out: [UInt8] = []
        Self.bytes(text) { #expect(PostgresTextValue.bytea($0, into: &out)) }
        #expect(out == expected)
    }

    // MARK: Arrays

    static func elements(_ text: String) -> [String?]? {
        var scratch: [UInt8] = []
        var result: [String?] = []
        var ok = false
        Self.bytes(text) { s in
            ok = PostgresArrayLiteral.forEachElement(s, scratch: &scratch) { e in
                result.append(e.map { String(decoding: $0, as: UTF8.self) })
            }
        }
        return ok ? result : nil
    }

    @Test(arguments: [
        ("{1,2,NULL}", ["1", "2", nil]),
        (#"{"a b",NULL,"c\"d","NULL"}"#, ["a b", nil, #"c"d"#, "NULL"]),
        ("{}", []),
        ("[0:1]={7,8}", ["7", "8"]),
        (#"{{"x,y",z},{"",NULL}}"#, ["x,y", "z", "", nil]),
        (#"{"\\"}"#, [#"\"#]),
    ] as [(String, [String?])])
    func arrayLiteralsYieldElementsInStorageOrder(_ text: String, _ expected: [String?]) {
        #expect(Self.elements(text) == expected)
    }

    @Test(arguments: ["", "1,2", "{1,2", #"{"open}"#])
    func malformedArrayLiteralsAreRejected(_ text: String) {
        #expect(Self.elements(text) == nil)
    }

    // MARK: Type mapping

    @Test func numericPrecisionDecidesDecimalOrString() {
        func scalar(_ typmod: Int32) -> ParquetColumnType.Scalar {
            ParquetColumnType.forColumn(ColumnInfo(name: "n", typeOID: TypeOID.numeric, typeModifier: typmod)).scalar
        }
        #expect(scalar(-1) == .string)                                   // unconstrained
        #expect(scalar((10 << 16 | 2) + 4) == .decimal(precision: 10, scale: 2))
        #expect(scalar((38 << 16 | 0) + 4) == .decimal(precision: 38, scale: 0))
        #expect(scalar((39 << 16 | 0) + 4) == .string)                   // beyond DECIMAL's 38 digits
        #expect(scalar((5 << 16 | 0x7FE) + 4) == .string)                // numeric(5,-2)
        #expect(scalar((3 << 16 | 5) + 4) == .string)                    // numeric(3,5): scale > precision
    }

    @Test func arraysAreListsOfTheirElementTypeOrText() {
        let ints = ColumnInfo(name: "a", typeOID: 1007)
        #expect(ParquetColumnType.forColumn(ints) == ParquetColumnType(scalar: .int32, isList: true))
        #expect(ParquetColumnType.forColumn(ints, arraysAsText: true) == ParquetColumnType(scalar: .string, isList: false))
        #expect(ParquetColumnType.forColumn(ColumnInfo(name: "i", typeOID: TypeOID.interval)).scalar == .string)
    }
}
