import PsqluiPluginAPI

/// How `to_json` renders a value of one type, decided once per column.
enum JSONValueKind: Equatable {
    /// int2/4/8, float4/8, numeric: the text as a JSON number (NaN, ±Infinity as strings).
    case number
    /// bool: `t`/`f` → `true`/`false`.
    case bool
    /// json, jsonb: the text inserted as it is.
    case raw
    /// timestamp: ISO 8601 with `T`.
    case timestamp
    /// timestamptz: ISO 8601 with `T` and a `+HH:MM` offset.
    case timestamptz
    /// Anything else: the text output as a JSON string.
    case string
    /// An array of `element` (never itself `.array`): a nested JSON array.
    indirect case array(JSONValueKind)

    /// The kind for a type OID. Types `to_json` renders specially that we cannot see
    /// from the OID alone (domains, composites) fall back to strings.
    static func forType(_ oid: UInt32) -> JSONValueKind {
        if let element = arrayElementType[oid] { return .array(scalar(element)) }
        return scalar(oid)
    }

    private static func scalar(_ oid: UInt32) -> JSONValueKind {
        switch oid {
        case TypeOID.int2, TypeOID.int4, TypeOID.int8, TypeOID.float4, TypeOID.float8, TypeOID.numeric: return .number
        case TypeOID.bool: return .bool
        case TypeOID.json, TypeOID.jsonb: return .raw
        case TypeOID.timestamp: return .timestamp
        case TypeOID.timestamptz: return .timestamptz
        default: return .string
        }
    }

    /// Array type OID → element type OID, for the built-in types (`pg_type.typarray`).
    static let arrayElementType: [UInt32: UInt32] = [
        1000: TypeOID.bool, 1001: TypeOID.bytea, 1002: TypeOID.char, 1003: TypeOID.name,
        1005: TypeOID.int2, 1007: TypeOID.int4, 1016: TypeOID.int8, 1009: TypeOID.text,
        1028: TypeOID.oid, 1011: TypeOID.xid, 1012: TypeOID.cid, 199: TypeOID.json, 143: TypeOID.xml,
        1021: TypeOID.float4, 1022: TypeOID.float8, 791: TypeOID.money, 1014: TypeOID.bpchar,
        1015: TypeOID.varchar, 1182: TypeOID.date, 1183: TypeOID.time, 1115: TypeOID.timestamp,
        1185: TypeOID.timestamptz, 1187: TypeOID.interval, 1270: TypeOID.timetz, 1231: TypeOID.numeric,
        2951: TypeOID.uuid, 3807: TypeOID.jsonb,
    ]
}

/// Writes PostgreSQL text-output values as JSON the way the server's `to_json` does,
/// straight from the bytes: numbers bare, booleans, json/jsonb raw, timestamps in
/// ISO 8601 with `T`, arrays parsed into nested JSON arrays, everything else a string
/// escaped as the server escapes it (`\"`, `\\`, `\b \f \n \r \t`, other control
/// characters as `\u00xx`).
///
/// Assumes the session's `DateStyle` is ISO (the default), as the text output of
/// timestamps is reshaped rather than re-parsed.
struct JSONValueWriter {
    /// The server's string escapes (`escape_json`).
    static let stringEscaper: ByteEscaper = {
        var map: [UInt8: String] = [UInt8(ascii: "\""): "\\\"", UInt8(ascii: "\\"): "\\\\",
                                    8: "\\b", 12: "\\f", 10: "\\n", 13: "\\r", 9: "\\t"]
        let hex = Array("0123456789abcdef")
        for b in 0..<32 where map[UInt8(b)] == nil {
            map[UInt8(b)] = "\\u00" + String(hex[b >> 4]) + String(hex[b & 15])
        }
        return ByteEscaper(map)
    }()

    private let escaper = JSONValueWriter.stringEscaper
    /// Scratch space for an unescaped quoted array element; reused, so no allocation
    /// once it has grown to the longest element.
    private var scratch: [UInt8] = []

    init() { scratch.reserveCapacity(256) }

    /// Writes `bytes` (a value's text output) as JSON; a NULL cell is `null`.
    mutating func write(_ cell: CellView, kind: JSONValueKind, to output: ByteScratch) throws {
        if cell.isNull { try output.append("null" as StaticString); return }
        if case .array(let element) = kind {
            try writeArray(cell.bytes, element: element, to: output)
        } else {
            try writeScalar(cell.bytes, kind: kind, to: output)
        }
    }

    /// Writes a JSON string with the server's escapes (also used for object keys).
    func writeString(_ bytes: UnsafeBufferPointer<UInt8>, to output: ByteScratch) throws {
        try output.append(UInt8(ascii: "\""))
        try escaper.append(bytes, to: output)
        try output.append(UInt8(ascii: "\""))
    }

    func writeScalar(_ bytes: UnsafeBufferPointer<UInt8>, kind: JSONValueKind, to output: ByteScratch) throws {
        switch kind {
        case .number:
            if Self.isJSONNumber(bytes) { try output.append(bytes) } else { try writeString(bytes, to: output) }
        case .bool:
            if bytes.count == 1 && bytes[0] == UInt8(ascii: "t") { try output.append("true" as StaticString) }
            else if bytes.count == 1 && bytes[0] == UInt8(ascii: "f") { try output.append("false" as StaticString) }
            else { try writeString(bytes, to: output) }
        case .raw:
            try output.append(bytes)
        case .timestamp, .timestamptz:
            try writeTimestamp(bytes, withZone: kind == .timestamptz, to: output)
        case .string, .array:
            try writeString(bytes, to: output)
        }
    }

    /// The server's numeric output is a valid JSON number unless it is NaN or
    /// ±Infinity (`to_json` quotes those); this checks the first byte or two.
    @inline(__always)
    static func isJSONNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        if first >= 0x30 && first <= 0x39 { return true }
        if first == UInt8(ascii: "-") && bytes.count > 1 { return bytes[1] >= 0x30 && bytes[1] <= 0x39 }
        return false
    }

    /// ISO text output (`2024-01-01 12:00:00+05`, `… BC`, `infinity`) → to_json's
    /// `2024-01-01T12:00:00+05:00`.
    private func writeTimestamp(_ bytes: UnsafeBufferPointer<UInt8>, withZone: Bool, to output: ByteScratch) throws {
        guard let space = bytes.firstIndex(of: UInt8(ascii: " ")), let base = bytes.baseAddress,
              space + 1 < bytes.count, bytes[space + 1] >= 0x30, bytes[space + 1] <= 0x39 else {
            try writeString(bytes, to: output)   // infinity, -infinity, or not ISO
            return
        }
        try output.append(UInt8(ascii: "\""))
        try output.append(UnsafeBufferPointer(start: base, count: space))
        try output.append(UInt8(ascii: "T"))
        // The time part runs to the end or to " BC".
        var end = space + 1
        while end < bytes.count && bytes[end] != UInt8(ascii: " ") { end += 1 }
        try output.append(UnsafeBufferPointer(start: base + space + 1, count: end - space - 1))
        if withZone {
            // The offset is the last '+' or '-' in the time part; `+HH` gains `:00`.
            var sign = end - 1
            while sign > space && bytes[sign] != UInt8(ascii: "+") && bytes[sign] != UInt8(ascii: "-") { sign -= 1 }
            if sign > space && end - sign == 3 { try output.append(":00" as StaticString) }
        }
        if end < bytes.count { try output.append(UnsafeBufferPointer(start: base + end, count: bytes.count - end)) }
        try output.append(UInt8(ascii: "\""))
    }

    // MARK: arrays

    /// Parses PostgreSQL's array literal (`{1,2}`, `{{"a b",NULL}}`, `[2:3]={…}`) and
    /// writes it as nested JSON arrays, each element rendered as `element`.
    private mutating func writeArray(_ bytes: UnsafeBufferPointer<UInt8>, element: JSONValueKind, to output: ByteScratch) throws {
        guard let base = bytes.baseAddress else { try output.append("[]" as StaticString); return }
        let n = bytes.count
        var i = 0
        if n > 0 && base[0] == UInt8(ascii: "[") {   // explicit bounds: skip "[l:u]…="
            while i < n && base[i] != UInt8(ascii: "=") { i += 1 }
            i += 1
        }
        var needComma = false
        while i < n {
            let b = base[i]
            switch b {
            case UInt8(ascii: "{"):
                if needComma { try output.append(UInt8(ascii: ",")) }
                try output.append(UInt8(ascii: "["))
                needComma = false
                i += 1
            case UInt8(ascii: "}"):
                try output.append(UInt8(ascii: "]"))
                needComma = true
                i += 1
            case UInt8(ascii: ","):
                i += 1
            case UInt8(ascii: "\""):
                if needComma { try output.append(UInt8(ascii: ",")) }
                scratch.removeAll(keepingCapacity: true)
                i += 1
                while i < n && base[i] != UInt8(ascii: "\"") {
                    if base[i] == UInt8(ascii: "\\") && i + 1 < n { i += 1 }
                    scratch.append(base[i])
                    i += 1
                }
                i += 1
                try scratch.withUnsafeBufferPointer { try writeScalar($0, kind: element, to: output) }
                needComma = true
            default:
                if needComma { try output.append(UInt8(ascii: ",")) }
                let start = i
                while i < n && base[i] != UInt8(ascii: ",") && base[i] != UInt8(ascii: "}") { i += 1 }
                let item = UnsafeBufferPointer(start: base + start, count: i - start)
                if Self.isUnquotedNull(item) { try output.append("null" as StaticString) }
                else { try writeScalar(item, kind: element, to: output) }
                needComma = true
            }
        }
    }

    @inline(__always)
    private static func isUnquotedNull(_ item: UnsafeBufferPointer<UInt8>) -> Bool {
        guard item.count == 4 else { return false }
        return (item[0] | 0x20) == UInt8(ascii: "n") && (item[1] | 0x20) == UInt8(ascii: "u")
            && (item[2] | 0x20) == UInt8(ascii: "l") && (item[3] | 0x20) == UInt8(ascii: "l")
    }
}
