import PsqluiPluginAPI

/// How one PostgreSQL result column is stored in Parquet: the physical type, the
/// logical annotation, and how its text values are converted.
struct ParquetColumnType: Equatable {
    /// What a single (non-array) value becomes.
    enum Scalar: Equatable {
        case boolean
        case int16, int32, int64
        case float, double
        /// DECIMAL(precision, scale) in an INT32 (p ≤ 9), INT64 (p ≤ 18) or 16-byte
        /// fixed-length array (p ≤ 38), big-endian two's complement.
        case decimal(precision: Int, scale: Int)
        /// UTF8 string (text, varchar, numeric without a usable precision, and every
        /// type without a better mapping: its text output).
        case string
        case json
        case bytes
        case date
        /// TIMESTAMP(MICROS); `utc` for timestamptz (an instant), false for timestamp.
        case timestamp(utc: Bool)
        case uuid
    }

    var scalar: Scalar
    /// True for arrays: a three-level LIST of `scalar` elements.
    var isList: Bool

    /// The mapping for a column, from its type OID and modifier. `arraysAsText` keeps
    /// arrays as their text literal (a string) instead of a LIST.
    static func forColumn(_ column: ColumnInfo, arraysAsText: Bool = false) -> ParquetColumnType {
        if let element = arrayElementOID[column.typeOID] {
            if arraysAsText { return ParquetColumnType(scalar: .string, isList: false) }
            return ParquetColumnType(scalar: scalar(oid: element, typeModifier: column.typeModifier), isList: true)
        }
        return ParquetColumnType(scalar: scalar(oid: column.typeOID, typeModifier: column.typeModifier), isList: false)
    }

    static func scalar(oid: UInt32, typeModifier: Int32) -> Scalar {
        switch oid {
        case TypeOID.bool: return .boolean
        case TypeOID.int2: return .int16
        case TypeOID.int4: return .int32
        case TypeOID.int8: return .int64
        case TypeOID.float4: return .float
        case TypeOID.float8: return .double
        case TypeOID.numeric: return decimal(typeModifier: typeModifier)
        case TypeOID.json, TypeOID.jsonb: return .json
        case TypeOID.bytea: return .bytes
        case TypeOID.date: return .date
        case TypeOID.timestamp: return .timestamp(utc: false)
        case TypeOID.timestamptz: return .timestamp(utc: true)
        case TypeOID.uuid: return .uuid
        default: return .string
        }
    }

    /// numeric(p,s) → DECIMAL(p,s) when Parquet can hold it (1 ≤ p ≤ 38, 0 ≤ s ≤ p);
    /// unconstrained numeric (or a negative scale, or s > p, allowed since
    /// PostgreSQL 15) → string, its exact text.
    static func decimal(typeModifier: Int32) -> Scalar {
        guard typeModifier >= 4 else { return .string }
        let packed = Int(typeModifier) - 4
        let precision = (packed >> 16) & 0xFFFF
        // The scale is an 11-bit signed field in PostgreSQL 15+.
        var scale = packed & 0x7FF
        if scale & 0x400 != 0 { scale -= 0x800 }
        guard precision >= 1, precision <= 38, scale >= 0, scale <= precision else { return .string }
        return .decimal(precision: precision, scale: scale)
    }

    /// Built-in one-dimensional array types and their element types (`pg_type.dat`).
    static let arrayElementOID: [UInt32: UInt32] = [
        1000: TypeOID.bool, 1001: TypeOID.bytea, 1005: TypeOID.int2, 1007: TypeOID.int4, 1016: TypeOID.int8,
        1021: TypeOID.float4, 1022: TypeOID.float8, 1009: TypeOID.text, 1015: TypeOID.varchar, 1014: TypeOID.bpchar,
        1003: TypeOID.name, 1231: TypeOID.numeric, 1182: TypeOID.date, 1115: TypeOID.timestamp,
        1185: TypeOID.timestamptz, 2951: TypeOID.uuid, 199: TypeOID.json, 3807: TypeOID.jsonb,
    ]

    // MARK: Parquet schema facts

    /// Parquet physical types (`Type` in parquet.thrift).
    enum Physical: Int32 { case boolean = 0, int32 = 1, int64 = 2, float = 4, double = 5, byteArray = 6, fixedLenByteArray = 7 }

    var physical: Physical {
        switch scalar {
        case .boolean: return .boolean
        case .int16, .int32, .date: return .int32
        case .int64, .timestamp: return .int64
        case .float: return .float
        case .double: return .double
        case .decimal(let p, _): return p <= 9 ? .int32 : p <= 18 ? .int64 : .fixedLenByteArray
        case .string, .json, .bytes: return .byteArray
        case .uuid: return .fixedLenByteArray
        }
    }

    /// The fixed length of FIXED_LEN_BYTE_ARRAY values.
    var typeLength: Int? {
        switch scalar {
        case .uuid: return 16
        case .decimal(let p, _) where p > 18: return 16
        default: return nil
        }
    }

    /// The highest definition level of the leaf: 1 for a nullable value; 3 for a
    /// list element (list defined, list non-empty, element non-null).
    var maxDefinitionLevel: UInt8 { isList ? 3 : 1 }
    /// The highest repetition level of the leaf.
    var maxRepetitionLevel: UInt8 { isList ? 1 : 0 }
}
