/// psql-style variables (`\set`, `-v`, `:set`): plain strings by name, with the
/// special ones psql gives meaning to (`ON_ERROR_STOP`, `AUTOCOMMIT`, `ECHO`, …).
public final class VariableStore {
    private var values: [String: String] = [:]

    public init() {}

    public subscript(name: String) -> String? {
        get { values[name] }
        set { values[name] = newValue }
    }

    /// Every variable, sorted by name (`\set` with no arguments).
    public var all: [(name: String, value: String)] {
        values.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    public func unset(_ name: String) { values[name] = nil }

    /// A boolean variable as psql reads it (unset or unparsable: false).
    public func bool(_ name: String) -> Bool {
        values[name].flatMap(Self.parseBool) ?? false
    }

    /// psql's boolean words: any prefix of true/false/yes/no, on/off (two letters at
    /// least, "o" is ambiguous), 1/0. Nil for anything else.
    public static func parseBool(_ value: String) -> Bool? {
        // The words the defaults and most scripts use, without lowercasing a copy
        // (AUTOCOMMIT and ON_ERROR_ROLLBACK are read for every statement).
        switch value {
        case "on", "true", "1": return true
        case "off", "false", "0": return false
        default: break
        }
        let v = value.lowercased()
        if v.isEmpty { return nil }
        if "true".hasPrefix(v) || "yes".hasPrefix(v) || v == "1" { return true }
        if "false".hasPrefix(v) || "no".hasPrefix(v) || v == "0" { return false }
        if v.count >= 2 && "on".hasPrefix(v) { return true }
        if v.count >= 2 && "off".hasPrefix(v) { return false }
        return nil
    }

    public var onErrorStop: Bool { bool("ON_ERROR_STOP") }

    /// Parses `NAME=VALUE` from `-v`; nil when there is no `=`.
    public static func parseAssignment(_ text: String) -> (String, String)? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        return (String(text[..<eq]), String(text[text.index(after: eq)...]))
    }
}
