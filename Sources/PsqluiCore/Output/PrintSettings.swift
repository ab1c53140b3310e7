/// How results are shown on the screen: psql's `\pset` options, one value type.
/// `PrintSettings+Pset.swift` applies `\pset NAME VALUE` / `-P NAME=VALUE` to it and
/// renders psql's listing and confirmation lines.
public struct PrintSettings: Equatable, Sendable {
    /// psql's output formats (`\pset format`), all drawn by the screen printer.
    public enum Format: String, Sendable, CaseIterable {
        case aligned, asciidoc, csv, html, latex
        case latexLongtable = "latex-longtable"
        case troffMs = "troff-ms"
        case unaligned, wrapped

        /// The formats that `--format NAME` / `:format NAME` give to the printer;
        /// `csv` and `html` there mean the exporters of those names (the COPY fast path).
        public static func screenFormat(named name: String) -> Format? {
            guard let f = Format(rawValue: name.lowercased()), f != .csv, f != .html else { return nil }
            return f
        }

        /// True for the formats whose columns are padded to a common width.
        var isAligned: Bool { self == .aligned || self == .wrapped }
    }

    public enum Expanded: String, Sendable {
        case off, on, auto
    }

    /// psql's `linestyle`.
    public enum LineStyle: String, Sendable, CaseIterable {
        case ascii
        case oldAscii = "old-ascii"
        case unicode
    }

    /// psql's `unicode_*_linestyle` values.
    public enum UnicodeLine: String, Sendable, CaseIterable {
        case single, double
    }

    /// psql's `pager`: 0 off, 1 for long output, 2 always.
    public enum Pager: Int, Sendable {
        case off = 0, on = 1, always = 2
    }

    /// psql 16's `xheader_width` (accepted for forward compatibility; psql 15 has none).
    public enum HeaderWidth: Equatable, Sendable {
        case full, column, page
        case width(Int)
    }

    public var format: Format = .aligned
    public var expanded: Expanded = .off
    /// 0, 1 or 2 (latex also 3), as psql's `border` (1 is the default).
    public var border = 1
    public var lineStyle: LineStyle = .ascii
    public var unicodeBorder: UnicodeLine = .single
    public var unicodeColumn: UnicodeLine = .single
    public var unicodeHeader: UnicodeLine = .single
    /// Rows only: no header, no footer (`-t`).
    public var tuplesOnly = false
    /// Print the `(N rows)` footer.
    public var footer = true
    /// What NULL looks like on the screen (`:null`, `\pset null`); exporters have their own.
    public var nullString = ""
    /// Unaligned field separator (`-F`).
    public var fieldSeparator: [UInt8] = [UInt8(ascii: "|")]
    /// Unaligned record separator (`-R`).
    public var recordSeparator: [UInt8] = [UInt8(ascii: "\n")]
    /// `fieldsep_zero` / `recordsep_zero` (`-z`, `-0`): separate by a zero byte.
    public var fieldSeparatorZero = false
    public var recordSeparatorZero = false
    /// `csv_fieldsep`: one single-byte character.
    public var csvFieldSeparator: UInt8 = UInt8(ascii: ",")
    /// `title`, printed above the table (nil: none).
    public var title: String?
    /// `tableattr`: HTML table attributes, latex-longtable widths (nil: none).
    public var tableAttributes: String?
    /// `numericlocale`: group digits of numeric columns.
    public var numericLocale = false
    /// `columns`: the target width for `wrapped` and `expanded auto` (0: the terminal's).
    public var columns = 0
    public var pager: Pager = .on
    public var pagerMinLines = 0
    public var headerWidth: HeaderWidth = .full
    /// Print command tags such as `INSERT 0 1` (off with `-q`).
    public var showCommandTags = true
    /// The terminal width for `expanded auto` and `wrapped` when `columns` is 0
    /// (0: not a terminal, never switch or wrap).
    public var terminalWidth = 0
    /// psql's FETCH_COUNT: 0 sizes aligned columns over the whole result, N per chunk of N rows.
    public var fetchCount = 0
    /// psql's SHOW_ALL_RESULTS: every result of a multi-statement string is shown
    /// (off: only the last).
    public var showAllResults = true
    /// Colour (bold header, dimmed NULL) for this output — set only when it is a terminal.
    public var color = false
    /// The user allows colour (`[display] color`, default true); `NO_COLOR` still wins.
    public var colorAllowed = true

    /// libpq's number for the client encoding the values arrive in (`PQclientEncoding`):
    /// aligned and expanded output split and measure characters in it, as psql does.
    public var clientEncoding: Int32 = CellFormatter.utf8

    public init() {}

    /// The width that `wrapped` and `expanded auto` aim for (0: none).
    var outputColumns: Int { columns > 0 ? columns : terminalWidth }
}
