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
}
