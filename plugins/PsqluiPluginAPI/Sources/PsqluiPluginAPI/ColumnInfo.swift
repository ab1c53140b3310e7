/// What the host knows about one result column before the first row arrives.
public struct ColumnInfo: Sendable, Hashable {
    /// The column's name as the server reports it (duplicates are possible).
    public var name: String
    /// The column's type OID (`pg_type.oid`).
    public var typeOID: UInt32
    /// The type modifier (`atttypmod`), -1 when none.
    public var typeModifier: Int32
    /// The OID of the table the column comes from, or 0.
    public var tableOID: UInt32
    /// The column number within that table, or 0.
    public var tableColumn: Int16

    public init(name: String, typeOID: UInt32, typeModifier: Int32 = -1, tableOID: UInt32 = 0, tableColumn: Int16 = 0) {
        self.name = name
        self.typeOID = typeOID
        self.typeModifier = typeModifier
        self.tableOID = tableOID
        self.tableColumn = tableColumn
    }
}

/// Well-known built-in type OIDs (from `pg_type.dat`; stable across server versions).
public enum TypeOID {
    public static let bool: UInt32 = 16
    public static let bytea: UInt32 = 17
    public static let char: UInt32 = 18
    public static let name: UInt32 = 19
    public static let int8: UInt32 = 20
    public static let int2: UInt32 = 21
    public static let int4: UInt32 = 23
    public static let text: UInt32 = 25
    public static let oid: UInt32 = 26
    public static let xid: UInt32 = 28
    public static let cid: UInt32 = 29
    public static let json: UInt32 = 114
    public static let xml: UInt32 = 142
    public static let float4: UInt32 = 700
    public static let float8: UInt32 = 701
    public static let money: UInt32 = 790
    public static let bpchar: UInt32 = 1042
    public static let varchar: UInt32 = 1043
    public static let date: UInt32 = 1082
    public static let time: UInt32 = 1083
    public static let timestamp: UInt32 = 1114
    public static let timestamptz: UInt32 = 1184
    public static let interval: UInt32 = 1186
    public static let timetz: UInt32 = 1266
    public static let numeric: UInt32 = 1700
    public static let uuid: UInt32 = 2950
    public static let jsonb: UInt32 = 3802

    /// Types psql right-aligns in aligned output (its `column_type_alignment`):
    /// int2, int4, int8, oid, xid, cid, float4, float8, money, numeric.
    @inlinable
    public static func isNumeric(_ oid: UInt32) -> Bool {
        switch oid {
        case 20, 21, 23, 26, 28, 29, 700, 701, 790, 1700: return true
        default: return false
        }
    }
}
