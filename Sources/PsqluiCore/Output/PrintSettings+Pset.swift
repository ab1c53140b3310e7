/// psql's `\pset`: one place that applies an option (from `\pset`, `-P`, `\x`, a
/// config file) and renders what psql prints about it, so every front end is one call.
extension PrintSettings {
    /// A `\pset` that psql refuses; `description` is psql's message.
    public struct PsetError: Error, CustomStringConvertible, Equatable {
        public let description: String
        init(_ text: String) { description = text }
    }

    /// The options `\pset` with no argument lists, in psql 15's order.
    public static let psetOptionNames = [
        "border", "columns", "csv_fieldsep", "expanded", "fieldsep", "fieldsep_zero", "footer",
        "format", "linestyle", "null", "numericlocale", "pager", "pager_min_lines", "recordsep",
        "recordsep_zero", "tableattr", "title", "tuples_only", "unicode_border_linestyle",
        "unicode_column_linestyle", "unicode_header_linestyle",
    ]

    /// Every name `\pset` accepts (aliases included), for completion.
    public static let psetAcceptedNames = psetOptionNames + ["x", "vertical", "t", "C", "T", "xheader_width"]

    /// Applies `\pset NAME [VALUE]` as psql 15 does (a missing value toggles or
    /// clears). Returns the confirmation line psql prints (nil when psql prints none),
    /// or throws psql's error.
    @discardableResult
    public mutating func applyPset(_ name: String, _ value: String?) throws -> String? {
        switch name {
        case "format":
            if let value { format = try Self.matchFormat(value) }
        case "linestyle":
            if let value {
                let v = value.lowercased()
                if !v.isEmpty && "ascii".hasPrefix(v) { lineStyle = .ascii }
                else if !v.isEmpty && "old-ascii".hasPrefix(v) { lineStyle = .oldAscii }
                else if !v.isEmpty && "unicode".hasPrefix(v) { lineStyle = .unicode }
                else if v.isEmpty { lineStyle = .ascii }
                else { throw PsetError("\\pset: allowed line styles are ascii, old-ascii, unicode") }
            }
        case "unicode_border_linestyle", "unicode_column_linestyle", "unicode_header_linestyle":
            if let value {
                let v = value.lowercased()
                let line: UnicodeLine
                if "single".hasPrefix(v) { line = .single } else if "double".hasPrefix(v) { line = .double } else {
                    let what = name.split(separator: "_")[1]
                    throw PsetError("\\pset: allowed Unicode \(what) line styles are single, double")
                }
                switch name {
                case "unicode_border_linestyle": unicodeBorder = line
                case "unicode_column_linestyle": unicodeColumn = line
                default: unicodeHeader = line
                }
            }
        case "border":
            if let value { border = Self.atoi(value) }
        case "x", "expanded", "vertical":
            if let value, value.lowercased() == "auto" { expanded = .auto }
            else if let value {
                guard let b = VariableStore.parseBool(value) else {
                    throw PsetError("unrecognized value \"\(value)\" for \"\(name)\"\nAvailable values are: on, off, auto.")
                }
                expanded = b ? .on : .off
            } else {
                expanded = expanded == .off ? .on : .off
            }
        case "xheader_width":
            if let value {
                switch value.lowercased() {
                case "full": headerWidth = .full
                case "column": headerWidth = .column
                case "page": headerWidth = .page
                default:
                    guard let n = Int(value), n > 0 else {
                        throw PsetError("\\pset: allowed xheader_width values are \"full\" (default), \"column\", \"page\", or a number specifying the exact width")
                    }
                    headerWidth = .width(n)
                }
            }
        case "csv_fieldsep":
            if let value {
                let bytes = Array(value.utf8)
                guard bytes.count == 1, bytes[0] != 0 else { throw PsetError("\\pset: csv_fieldsep must be a single one-byte character") }  // C sees "\\0" as empty
                guard ![UInt8(ascii: "\""), 0x0a, 0x0d].contains(bytes[0]) else {
                    throw PsetError("\\pset: csv_fieldsep cannot be a double quote, a newline, or a carriage return")
                }
                csvFieldSeparator = bytes[0]
            }
        case "numericlocale":
            if let value { numericLocale = try Self.bool(value, name); return nil }
            numericLocale.toggle()
        case "null":
            if let value { nullString = value }
        case "fieldsep":
            if let value { fieldSeparator = Array(value.utf8); fieldSeparatorZero = false }
        case "fieldsep_zero":
            fieldSeparator = []; fieldSeparatorZero = true
        case "recordsep":
            if let value { recordSeparator = Array(value.utf8); recordSeparatorZero = false }
        case "recordsep_zero":
            recordSeparator = []; recordSeparatorZero = true
        case "t", "tuples_only":
            if let value { tuplesOnly = try Self.bool(value, name); return nil }
            tuplesOnly.toggle()
        case "C", "title":
            title = value
        case "T", "tableattr":
            tableAttributes = value
        case "pager":
            if let value, value.lowercased() == "always" { pager = .always }
            else if let value {
                guard let b = VariableStore.parseBool(value) else {
                    throw PsetError("unrecognized value \"\(value)\" for \"pager\"\nAvailable values are: on, off, always.")
                }
                pager = b ? .on : .off
            } else {
                pager = pager == .on ? .off : .on
            }
        case "pager_min_lines":
            if let value {
                guard let n = Int(value.trimmingSpaces) else {
                    throw PsetError("invalid value \"\(value)\" for \"pager_min_lines\": integer expected")
                }
                pagerMinLines = n
            }
        case "footer":
            if let value { footer = try Self.bool(value, name); return nil }
            footer.toggle()
        case "columns":
            if let value { columns = Self.atoi(value) }
        default:
            throw PsetError("\\pset: unknown option: \(name)")
        }
        return psetConfirmation(name)
    }

    /// The line psql prints after `\pset NAME …` (psql's `printPsetInfo`).
    public func psetConfirmation(_ name: String) -> String? {
        func onOff(_ b: Bool) -> String { b ? "on" : "off" }
        switch name {
        case "border": return "Border style is \(border)."
        case "columns": return columns == 0 ? "Target width is unset." : "Target width is \(columns)."
        case "x", "expanded", "vertical":
            return expanded == .auto ? "Expanded display is used automatically." : "Expanded display is \(onOff(expanded == .on))."
        case "xheader_width":
            switch headerWidth {
            case .full: return "Expanded header width is \"full\"."
            case .column: return "Expanded header width is \"column\"."
            case .page: return "Expanded header width is \"page\"."
            case .width(let n): return "Expanded header width is \(n)."
            }
        case "csv_fieldsep": return "Field separator for CSV is \"\(String(decoding: [csvFieldSeparator], as: UTF8.self))\"."
        case "fieldsep", "fieldsep_zero":
            return fieldSeparatorZero ? "Field separator is zero byte." : "Field separator is \"\(String(decoding: fieldSeparator, as: UTF8.self))\"."
        case "footer": return "Default footer is \(onOff(footer))."
        case "format": return "Output format is \(format.rawValue)."
        case "linestyle": return "Line style is \(lineStyle.rawValue)."
        case "null": return "Null display is \"\(nullString)\"."
        case "numericlocale": return "Locale-adjusted numeric output is \(onOff(numericLocale))."
        case "pager":
            switch pager {
            case .on: return "Pager is used for long output."
            case .always: return "Pager is always used."
            case .off: return "Pager usage is off."
            }
        case "pager_min_lines":
            return pagerMinLines == 1 ? "Pager won't be used for less than 1 line." : "Pager won't be used for less than \(pagerMinLines) lines."
        case "recordsep", "recordsep_zero":
            if recordSeparatorZero { return "Record separator is zero byte." }
            if recordSeparator == [0x0a] { return "Record separator is <newline>." }
            return "Record separator is \"\(String(decoding: recordSeparator, as: UTF8.self))\"."
        case "T", "tableattr":
            return tableAttributes.map { "Table attributes are \"\($0)\"." } ?? "Table attributes unset."
        case "C", "title": return title.map { "Title is \"\($0)\"." } ?? "Title is unset."
        case "t", "tuples_only": return "Tuples only is \(onOff(tuplesOnly))."
        case "unicode_border_linestyle": return "Unicode border line style is \"\(unicodeBorder.rawValue)\"."
        case "unicode_column_linestyle": return "Unicode column line style is \"\(unicodeColumn.rawValue)\"."
        case "unicode_header_linestyle": return "Unicode header line style is \"\(unicodeHeader.rawValue)\"."
        default: return nil
        }
    }

    /// The value of one option as `\pset` lists it (psql's `pset_value_string`);
    /// `quoted: false` gives text values as they are (for `CommandContext.displaySetting`).
    public func psetValue(_ name: String, quoted: Bool = true) -> String? {
        func onOff(_ b: Bool) -> String { b ? "on" : "off" }
        let quote: (String) -> String = quoted ? Self.quoted : { $0 }
        switch name {
        case "border": return String(border)
        case "columns": return String(columns)
        case "csv_fieldsep": return quote(String(decoding: [csvFieldSeparator], as: UTF8.self))
        case "expanded", "x": return expanded.rawValue
        case "fieldsep": return quote(String(decoding: fieldSeparator, as: UTF8.self))
        case "fieldsep_zero": return onOff(fieldSeparatorZero)
        case "footer": return onOff(footer)
        case "format": return format.rawValue
        case "linestyle": return lineStyle.rawValue
        case "null": return quote(nullString)
        case "numericlocale": return onOff(numericLocale)
        case "pager": return String(pager.rawValue)
        case "pager_min_lines": return String(pagerMinLines)
        case "recordsep": return quote(String(decoding: recordSeparator, as: UTF8.self))
        case "recordsep_zero": return onOff(recordSeparatorZero)
        case "tableattr": return tableAttributes.map(quote) ?? ""
        case "title": return title.map(quote) ?? ""
        case "tuples_only", "t": return onOff(tuplesOnly)
        case "unicode_border_linestyle": return unicodeBorder.rawValue
        case "unicode_column_linestyle": return unicodeColumn.rawValue
        case "unicode_header_linestyle": return unicodeHeader.rawValue
        default: return nil
        }
    }

    /// What `\pset` with no argument prints: every option and its value.
    public func psetListing() -> String {
        var text = ""
        for name in Self.psetOptionNames {
            let padded = name.count < 24 ? name + String(repeating: " ", count: 24 - name.count) : name
            text += padded + " " + (psetValue(name) ?? "") + "\n"
        }
        return text
    }

    /// Rebuilds settings from `psetValue(_:quoted: false)` strings (a plugin
    /// `CommandContext` hands display settings over as text).
    public static func fromDisplayValues(_ value: (String) -> String?) -> PrintSettings {
        var s = PrintSettings()
        for name in psetOptionNames {
            guard let v = value(name) else { continue }
            switch name {
            case "fieldsep_zero", "recordsep_zero": if v == "on" { _ = try? s.applyPset(name, nil) }
            case "tableattr", "title": if !v.isEmpty { _ = try? s.applyPset(name, v) }
            case "pager": s.pager = Pager(rawValue: Int(v) ?? 1) ?? .on
            default: _ = try? s.applyPset(name, v)
            }
        }
        return s
    }

    // MARK: Helpers

    /// psql's format name matching: a unique prefix (`u`, `wr`), `latex` before `latex-longtable`.
    public static func matchFormat(_ value: String) throws -> Format {
        let v = value.lowercased()
        let candidates: [Format] = [.aligned, .asciidoc, .csv, .html, .latex, .troffMs, .unaligned, .wrapped]
        let matches = candidates.filter { $0.rawValue.hasPrefix(v) }
        if matches.count > 1 {
            throw PsetError("\\pset: ambiguous abbreviation \"\(value)\" matches both \"\(matches[0].rawValue)\" and \"\(matches[1].rawValue)\"")
        }
        if let m = matches.first { return m }
        if Format.latexLongtable.rawValue.hasPrefix(v) { return .latexLongtable }
        throw PsetError("\\pset: allowed formats are aligned, asciidoc, csv, html, latex, latex-longtable, troff-ms, unaligned, wrapped")
    }

    static func bool(_ value: String, _ name: String) throws -> Bool {
        guard let b = VariableStore.parseBool(value) else {
            throw PsetError("unrecognized value \"\(value)\" for \"\(name)\": Boolean expected")
        }
        return b
    }

    /// C's `atoi`: leading blanks, a sign, digits; anything else ends it (0 when none).
    static func atoi(_ text: String) -> Int {
        var result = 0, sign = 1, started = false
        for ch in text.utf8 {
            if !started && (ch == 0x20 || (0x09...0x0d).contains(ch)) { continue }
            if !started && (ch == UInt8(ascii: "-") || ch == UInt8(ascii: "+")) { started = true; sign = ch == UInt8(ascii: "-") ? -1 : 1; continue }
            guard (0x30...0x39).contains(ch) else { break }
            started = true
            result = result &* 10 &+ Int(ch - 0x30)
            if result > Int(Int32.max) { break }
        }
        return sign * result
    }

    /// psql's `pset_quoted_string`: single quotes, `'` and newline escaped.
    static func quoted(_ text: String) -> String {
        var out = "'"
        for ch in text {
            switch ch {
            case "\n": out += "\\n"
            case "'": out += "\\'"
            default: out.append(ch)
            }
        }
        return out + "'"
    }

}

private extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
