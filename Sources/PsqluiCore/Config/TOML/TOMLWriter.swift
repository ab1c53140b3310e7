/// Writes TOML 1.0 text that `TOMLParser` (and any TOML 1.0 reader) reads back to the
/// same values.
///
/// A document is written as its plain keys first, then each sub-table under its own
/// `[header]` and each array of tables as `[[header]]` elements, in key order. Strings
/// are basic strings with every character TOML forbids escaped; a string with line
/// ends is written as a multi-line string, so that a saved query stays readable.
public enum TOMLWriter {
    /// The whole document, ending with a line end.
    public static func document(_ table: TOMLTable) -> String {
        var out = ""
        write(table, path: [], into: &out)
        return out
    }

    /// A value in inline form (`"text"`, `42`, `[1, 2]`, `{ a = 1 }`), for one line
    /// unless a multi-line string is inside.
    public static func value(_ value: TOMLValue) -> String { inline(value, multiline: true) }

    /// A value on one line whatever it holds: line ends in strings are escaped (`\n`).
    public static func singleLine(_ value: TOMLValue) -> String { inline(value, multiline: false) }

    private static func inline(_ value: TOMLValue, multiline: Bool) -> String {
        switch value {
        case .string(let s): return multiline ? string(s) : singleLineString(s)
        case .integer(let i): return String(i)
        case .float(let d): return float(d)
        case .boolean(let b): return b ? "true" : "false"
        case .dateTime(let d): return d.description
        case .array(let items): return "[" + items.map { inline($0, multiline: multiline) }.joined(separator: ", ") + "]"
        case .table(let t):
            guard !t.isEmpty else { return "{}" }
            return "{ " + t.map { key($0.key) + " = " + inline($0.value, multiline: multiline) }.joined(separator: ", ") + " }"
        }
    }

    /// A key: bare when it can be (`A-Za-z0-9_-`, not empty), else a quoted string.
    public static func key(_ key: String) -> String {
        !key.isEmpty && key.utf8.allSatisfy(TOMLParser.isBareKeyByte) ? key : singleLineString(key)
    }

    /// A string literal: multi-line basic when `text` holds a line feed, else basic.
    public static func string(_ text: String) -> String {
        text.unicodeScalars.contains("\n") ? multilineString(text) : singleLineString(text)
    }

    /// A float as TOML writes it: always with a `.` or exponent; `inf`, `-inf`, `nan`.
    public static func float(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        let s = d.description
        return s.contains(".") || s.contains("e") ? s : s + ".0"
    }

    private static func write(_ table: TOMLTable, path: [String], into out: inout String) {
        var subtables: [(String, TOMLTable)] = []
        var arraysOfTables: [(String, [TOMLTable])] = []
        for (k, v) in table {
            if case .table(let t) = v {
                subtables.append((k, t))
            } else if case .array(let items) = v, !items.isEmpty, let tables = Optional(items.compactMap(\.table)),
                      tables.count == items.count {
                arraysOfTables.append((k, tables))
            } else {
                out += key(k) + " = " + value(v) + "\n"
            }
        }
        for (k, t) in subtables {
            let p = path + [k]
            if !out.isEmpty { out += "\n" }
            out += "[" + p.map(key).joined(separator: ".") + "]\n"
            write(t, path: p, into: &out)
        }
        for (k, tables) in arraysOfTables {
            let p = path + [k]
            for t in tables {
                if !out.isEmpty { out += "\n" }
                out += "[[" + p.map(key).joined(separator: ".") + "]]\n"
                write(t, path: p, into: &out)
            }
        }
    }

    private static func singleLineString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\u{08}": out += "\\b"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\u{0C}": out += "\\f"
            case "\r": out += "\\r"
            default: appendEscapingControl(scalar, to: &out)
            }
        }
        return out + "\""
    }

    /// `"""` + a line end (dropped by readers) + the text with its line feeds kept;
    /// every `"` is escaped, so no run of three can close the string early.
    private static func multilineString(_ text: String) -> String {
        var out = "\"\"\"\n"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            case "\r": out += "\\r"
            default: appendEscapingControl(scalar, to: &out)
            }
        }
        return out + "\"\"\""
    }

    private static func appendEscapingControl(_ scalar: Unicode.Scalar, to out: inout String) {
        if scalar.value < 0x20 || scalar.value == 0x7F {
            let hex = String(scalar.value, radix: 16, uppercase: true)
            out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
            out.unicodeScalars.append(scalar)
        }
    }
}
