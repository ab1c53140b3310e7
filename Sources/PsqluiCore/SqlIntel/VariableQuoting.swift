/// Looks up a psql variable by name; nil when it is not set.
public typealias VariableLookup = (String) -> String?

/// The quoting psql applies to `:'name'` and `:"name"` (libpq's `PQescapeLiteral` and
/// `PQescapeIdentifier`, for UTF-8 client encoding).
public enum VariableQuoting {
    /// `'…'` with `'` doubled; when the value holds a backslash, ` E'…'` (leading space,
    /// backslashes doubled), exactly as `PQescapeLiteral`.
    public static func literal(_ value: [UInt8]) -> [UInt8] {
        let hasBackslash = value.contains(UInt8(ascii: "\\"))
        var out: [UInt8] = []
        out.reserveCapacity(value.count + 5)
        if hasBackslash { out.append(contentsOf: [UInt8(ascii: " "), UInt8(ascii: "E")]) }
        out.append(UInt8(ascii: "'"))
        for byte in value {
            if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\\") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "'"))
        return out
    }

    /// `"…"` with `"` doubled, as `PQescapeIdentifier`.
    public static func identifier(_ value: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(value.count + 2)
        for byte in value {
            if byte == UInt8(ascii: "\"") { out.append(byte) }
            out.append(byte)
        }
        out.append(UInt8(ascii: "\""))
        return out
    }

    /// A shell word for `:'name'` inside backticks: as is when non-empty and made of
    /// letters, digits and `-_./:` only, else in `'…'` with `'` as `'"'"'`; nil when the
    /// value holds a newline or carriage return (psql refuses it).
    public static func shellArgument(_ value: [UInt8]) -> [UInt8]? {
        if value.contains(0x0A) || value.contains(0x0D) { return nil }
        let safe = !value.isEmpty && value.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x2F || b == 0x3A
        }
        if safe { return value }
        var out: [UInt8] = [UInt8(ascii: "'")]
        for byte in value {
            if byte == UInt8(ascii: "'") { out.append(contentsOf: Array("'\"'\"'".utf8)) } else { out.append(byte) }
        }
        out.append(UInt8(ascii: "'"))
        return out
    }
}
