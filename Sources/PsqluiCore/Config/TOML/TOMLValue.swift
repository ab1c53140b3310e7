/// One TOML 1.0 value, as `TOMLParser` reads it and `TOMLWriter` writes it.
///
/// A value type all the way down: tables and arrays are copied, never shared.
public enum TOMLValue: Sendable, Equatable {
    /// A string (basic, literal, or either multi-line kind: escapes already applied).
    case string(String)
    /// A 64-bit signed integer (decimal, `0x`, `0o` or `0b` in the text).
    case integer(Int)
    /// A 64-bit float (`inf` and `nan` included).
    case float(Double)
    /// `true` or `false`.
    case boolean(Bool)
    /// An offset or local date-time, a local date or a local time.
    case dateTime(TOMLDateTime)
    /// An array (its elements may be of different types).
    case array([TOMLValue])
    /// A table: a `[header]` table, an inline table, or an element of an array of tables.
    case table(TOMLTable)

    /// The string, or nil for other types.
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    /// The integer, or nil for other types.
    public var integer: Int? { if case .integer(let i) = self { return i }; return nil }
    /// The float, or nil for other types (an integer is not widened).
    public var float: Double? { if case .float(let d) = self { return d }; return nil }
    /// The boolean, or nil for other types.
    public var boolean: Bool? { if case .boolean(let b) = self { return b }; return nil }
    /// The date or time, or nil for other types.
    public var dateTime: TOMLDateTime? { if case .dateTime(let d) = self { return d }; return nil }
    /// The array's elements, or nil for other types.
    public var array: [TOMLValue]? { if case .array(let a) = self { return a }; return nil }
    /// The table, or nil for other types.
    public var table: TOMLTable? { if case .table(let t) = self { return t }; return nil }

    /// What kind of value this is, in words, for messages ("an integer").
    public var kindDescription: String {
        switch self {
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a float"
        case .boolean: return "a boolean"
        case .dateTime(let d): return d.kind.description
        case .array: return "an array"
        case .table: return "a table"
        }
    }
}
