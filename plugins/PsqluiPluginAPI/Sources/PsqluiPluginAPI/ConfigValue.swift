/// A value from the config file's `[plugins.NAME]` table (TOML types).
///
/// Not frozen: a `switch` over it needs `@unknown default`.
public enum ConfigValue: Sendable, Hashable {
    /// A string.
    case string(String)
    /// An integer.
    case integer(Int)
    /// A floating-point number.
    case double(Double)
    /// A boolean.
    case bool(Bool)
    /// An array.
    case array([ConfigValue])
    /// A nested table.
    case table([String: ConfigValue])

    /// The string, or nil for other types.
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    /// The integer, or nil for other types.
    public var integerValue: Int? { if case .integer(let i) = self { return i }; return nil }
    /// The number (integers widen), or nil for other types.
    public var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .integer(let i): return Double(i)
        default: return nil
        }
    }
    /// The boolean, or nil for other types.
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
}
