/// psql-style variables (`\set`, `-v`, `:set`): plain strings by name, with the
/// special ones psql gives meaning to (`ON_ERROR_STOP`, `AUTOCOMMIT`, `ECHO`, …).
public final class VariableStore {
    private var values: [String: String] = [:]
    /// The `Hot` variables' values, by `rawValue`.
    private var hotValues = [String?](repeating: nil, count: Hot.allCases.count)

    /// The variables a script's statement loop reads or sets for every statement. They
    /// live in slots, as psql's assign hooks keep its special variables in fields, so
    /// that the loop hashes no names; by name they are the same variables as any other.
    public enum Hot: Int, CaseIterable, Sendable {
        case echo, quiet, autocommit, onErrorStop, onErrorRollback, singleStep, singleLine, fetchCount,
             verbosity, showContext, error, sqlState, rowCount, showAllResults

        /// The variable's name.
        public var name: String {
            switch self {
            case .echo: return "ECHO"
            case .quiet: return "QUIET"
            case .autocommit: return "AUTOCOMMIT"
            case .onErrorStop: return "ON_ERROR_STOP"
            case .onErrorRollback: return "ON_ERROR_ROLLBACK"
            case .singleStep: return "SINGLESTEP"
            case .singleLine: return "SINGLELINE"
            case .fetchCount: return "FETCH_COUNT"
            case .verbosity: return "VERBOSITY"
            case .showContext: return "SHOW_CONTEXT"
            case .error: return "ERROR"
            case .sqlState: return "SQLSTATE"
            case .rowCount: return "ROW_COUNT"
            case .showAllResults: return "SHOW_ALL_RESULTS"
            }
        }

        /// The slot of variable `name`, nil for every other name.
        public init?(name: String) {
            switch name {
            case "ECHO": self = .echo
            case "QUIET": self = .quiet
            case "AUTOCOMMIT": self = .autocommit
            case "ON_ERROR_STOP": self = .onErrorStop
            case "ON_ERROR_ROLLBACK": self = .onErrorRollback
            case "SINGLESTEP": self = .singleStep
            case "SINGLELINE": self = .singleLine
            case "FETCH_COUNT": self = .fetchCount
            case "VERBOSITY": self = .verbosity
            case "SHOW_CONTEXT": self = .showContext
            case "ERROR": self = .error
            case "SQLSTATE": self = .sqlState
            case "ROW_COUNT": self = .rowCount
            case "SHOW_ALL_RESULTS": self = .showAllResults
            default: return nil
            }
        }
    }

    public init() {}

    public subscript(name: String) -> String? {
        get {
            if let hot = Hot(name: name) { return hotValues[hot.rawValue] }
            return values[name]
        }
        set {
            if let hot = Hot(name: name) { hotValues[hot.rawValue] = newValue } else { values[name] = newValue }
        }
    }

    /// A hot variable, read or set without hashing its name.
    public subscript(hot: Hot) -> String? {
        get { hotValues[hot.rawValue] }
        set { hotValues[hot.rawValue] = newValue }
    }

    /// Every variable, sorted by name (`\set` with no arguments).
    public var all: [(name: String, value: String)] {
        let hot = Hot.allCases.compactMap { h in hotValues[h.rawValue].map { (name: h.name, value: $0) } }
        return (values.map { (name: $0.key, value: $0.value) } + hot).sorted { $0.name < $1.name }
    }

    public func unset(_ name: String) { self[name] = nil }

    /// A boolean variable as psql reads it (unset or unparsable: false).
    public func bool(_ name: String) -> Bool {
        self[name].flatMap(Self.parseBool) ?? false
    }

    /// A hot boolean variable as psql reads it (unset or unparsable: false).
    public func bool(_ hot: Hot) -> Bool {
        hotValues[hot.rawValue].flatMap(Self.parseBool) ?? false
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

    public var onErrorStop: Bool { bool(.onErrorStop) }

    /// Parses `NAME=VALUE` from `-v`; nil when there is no `=`.
    public static func parseAssignment(_ text: String) -> (String, String)? {
        guard let eq = text.firstIndex(of: "=") else { return nil }
        return (String(text[..<eq]), String(text[text.index(after: eq)...]))
    }
}
