/// psql's special variables whose values are a fixed set, for completion of
/// `:set NAME ` / `\set NAME ` (values as psql documents them).
public enum SpecialVariables {
    public static let values: [String: [String]] = [
        "AUTOCOMMIT": ["on", "off"],
        "ON_ERROR_STOP": ["on", "off"],
        "ON_ERROR_ROLLBACK": ["on", "off", "interactive"],
        "QUIET": ["on", "off"],
        "SINGLELINE": ["on", "off"],
        "SINGLESTEP": ["on", "off"],
        "HIDE_TABLEAM": ["on", "off"],
        "HIDE_TOAST_COMPRESSION": ["on", "off"],
        "ECHO": ["none", "errors", "queries", "all"],
        "ECHO_HIDDEN": ["on", "off", "noexec"],
        "VERBOSITY": ["default", "verbose", "terse", "sqlstate"],
        "SHOW_CONTEXT": ["never", "errors", "always"],
        "HISTCONTROL": ["none", "ignorespace", "ignoredups", "ignoreboth"],
        "COMP_KEYWORD_CASE": ["lower", "upper", "preserve-lower", "preserve-upper"],
    ]
}
