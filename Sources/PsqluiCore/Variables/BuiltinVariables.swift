@preconcurrency import CLibPQ

/// psql's built-in variables: the defaults it sets at start (`\set` lists them), the
/// ones it keeps in step with the connection (`DBNAME`, `USER`, `HOST`, …) and with
/// the last statement (`ERROR`, `SQLSTATE`, `ROW_COUNT`, `LAST_ERROR_*`), and the
/// values its "substitute hooks" put in place of an empty or unset value.
public enum BuiltinVariables {
    /// Set once at start, as psql 15 does (before `-v` and the command line).
    public static let defaults: [(String, String)] = [
        ("AUTOCOMMIT", "on"), ("COMP_KEYWORD_CASE", "preserve-upper"), ("ECHO", "none"), ("ECHO_HIDDEN", "off"),
        ("FETCH_COUNT", "0"), ("HIDE_TABLEAM", "off"), ("HIDE_TOAST_COMPRESSION", "off"), ("HISTCONTROL", "none"),
        ("HISTSIZE", "500"), ("IGNOREEOF", "0"), ("LAST_ERROR_MESSAGE", ""), ("LAST_ERROR_SQLSTATE", "00000"),
        ("ON_ERROR_ROLLBACK", "off"), ("ON_ERROR_STOP", "off"), ("PROMPT1", "%/%R%x%# "), ("PROMPT2", "%/%R%x%# "),
        ("PROMPT3", ">> "), ("QUIET", "off"), ("SHOW_ALL_RESULTS", "on"), ("SHOW_CONTEXT", "errors"),
        ("SINGLELINE", "off"), ("SINGLESTEP", "off"), ("VERBOSITY", "default"),
    ]

    /// psql's `VERSION`, `VERSION_NAME`, `VERSION_NUM` describe the client; psqlui's
    /// name itself and the libpq it runs on.
    public static func clientVersion(psqluiVersion: String) -> [(String, String)] {
        let lib = Int(PQlibVersion())
        let name = lib >= 100000 ? "\(lib / 10000).\(lib % 100)" : "\(lib / 10000).\(lib / 100 % 100).\(lib % 100)"
        return [("VERSION", "psqlui \(psqluiVersion) (libpq \(name))"), ("VERSION_NAME", name), ("VERSION_NUM", "\(lib)")]
    }

    /// Boolean variables: unset means "off", an empty value means "on" (psql's
    /// `bool_substitute_hook`, so `\set ON_ERROR_STOP` turns it on).
    static let booleans: Set<String> = ["AUTOCOMMIT", "ON_ERROR_STOP", "QUIET", "SINGLELINE", "SINGLESTEP",
                                        "HIDE_TABLEAM", "HIDE_TOAST_COMPRESSION", "SHOW_ALL_RESULTS"]
    /// The variables psql watches with a hook (`SetVariableHooks` at start): `\gset`
    /// leaves them alone, with a warning.
    public static let hooked: Set<String> = booleans.union([
        "ECHO_HIDDEN", "ON_ERROR_ROLLBACK", "FETCH_COUNT", "HISTSIZE", "IGNOREEOF", "HISTFILE", "ECHO",
        "COMP_KEYWORD_CASE", "HISTCONTROL", "PROMPT1", "PROMPT2", "PROMPT3", "VERBOSITY", "SHOW_CONTEXT",
    ])
    /// What an unset leaves behind for the variables psql never lets go unset.
    static let unsetValues: [String: String] = [
        "FETCH_COUNT": "0", "HISTSIZE": "500", "IGNOREEOF": "0", "ECHO": "none", "ECHO_HIDDEN": "off",
        "ON_ERROR_ROLLBACK": "off", "COMP_KEYWORD_CASE": "preserve-upper", "HISTCONTROL": "none",
        "VERBOSITY": "default", "SHOW_CONTEXT": "errors",
    ]

    /// The value psql stores when `name` is set to `value` (nil: unset), or nil when
    /// it stores `value` as given (and removes the variable when `value` is nil).
    /// psql's assign hooks: the message for a value a special variable cannot take
    /// (the variable then keeps its value), nil when `value` is fine.
    public static func invalidValueMessage(_ name: String, _ value: String) -> String? {
        if booleans.contains(name) {
            return VariableStore.parseBool(value) == nil ? "unrecognized value \"\(value)\" for \"\(name)\": Boolean expected" : nil
        }
        if name == "FETCH_COUNT" {
            return Int(value) == nil ? "invalid value \"\(value)\" for \"\(name)\": integer expected" : nil
        }
        guard let allowed = SpecialVariables.values[name] else { return nil }
        if allowed.contains(value.lowercased()) { return nil }
        // ON_ERROR_ROLLBACK and ECHO_HIDDEN take psql's boolean words too.
        if name == "ON_ERROR_ROLLBACK" || name == "ECHO_HIDDEN", VariableStore.parseBool(value) != nil { return nil }
        return "unrecognized value \"\(value)\" for \"\(name)\"\nAvailable values are: \(allowed.joined(separator: ", "))."
    }

    public static func substitute(_ name: String, _ value: String?) -> String? {
        if booleans.contains(name) {
            guard let value else { return "off" }
            return value.isEmpty ? "on" : nil
        }
        if value == nil { return unsetValues[name] }
        if name == "ECHO_HIDDEN" || name == "ON_ERROR_ROLLBACK", value == "" { return "on" }
        return nil
    }
}
