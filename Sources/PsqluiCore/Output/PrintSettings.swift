/// How results are shown on the screen: psql's `\pset` options.
public struct PrintSettings: Equatable, Sendable {
    /// psql's output formats that the screen printer draws itself; other formats
    /// (csv, json, …) go through an exporter.
    public enum Format: String, Sendable, CaseIterable {
        case aligned, unaligned
    }

    public enum Expanded: String, Sendable {
        case off, on, auto
    }

    public var format: Format = .aligned
    public var expanded: Expanded = .off
    /// 0, 1 or 2, as psql's `border` (1 is the default).
    public var border = 1
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
    /// Print command tags such as `INSERT 0 1` (off with `-q`).
    public var showCommandTags = true
    /// The terminal width for `expanded auto` (0: not a terminal, never switch).
    public var terminalWidth = 0

    public init() {}
}
