/// A TOML table: keys in the order the document gave them, each with its value.
///
/// Equality ignores the order of keys (TOML tables are unordered); iteration and
/// `TOMLWriter` keep it.
public struct TOMLTable: Sendable, Equatable, Sequence, ExpressibleByDictionaryLiteral {
    /// The keys, in document (or insertion) order.
    public private(set) var keys: [String] = []
    private var values: [String: TOMLValue] = [:]

    /// An empty table.
    public init() {}

    /// A table from key-value pairs, in their order (a repeated key keeps its last value).
    public init(dictionaryLiteral elements: (String, TOMLValue)...) {
        for (key, value) in elements { self[key] = value }
    }

    /// The value at `key`; setting nil removes the key, setting a new key appends it.
    public subscript(key: String) -> TOMLValue? {
        get { values[key] }
        set {
            if let newValue {
                if values.updateValue(newValue, forKey: key) == nil { keys.append(key) }
            } else if values.removeValue(forKey: key) != nil {
                keys.removeAll { $0 == key }
            }
        }
    }

    /// How many keys the table has.
    public var count: Int { keys.count }
    /// True for a table without keys.
    public var isEmpty: Bool { keys.isEmpty }

    /// The key-value pairs in order.
    public func makeIterator() -> AnyIterator<(key: String, value: TOMLValue)> {
        var index = 0
        return AnyIterator {
            guard index < keys.count else { return nil }
            defer { index += 1 }
            let key = keys[index]
            return (key, values[key]!)
        }
    }

    public static func == (lhs: TOMLTable, rhs: TOMLTable) -> Bool { lhs.values == rhs.values }
}
