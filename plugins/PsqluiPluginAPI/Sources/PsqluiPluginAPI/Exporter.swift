/// A live export of one result set into one output format.
///
/// The host creates an exporter per result from its `ExporterSpec`, then calls
/// `open(columns:output:)` once, `write(_:)` for every batch of rows as they arrive
/// from the server (possibly millions of rows: never hold them), and
/// `finish(rowCount:)` once after the last row (also for an empty result). The host
/// flushes and closes `output` afterwards. Errors thrown here abort the export with a
/// message naming the format; the session goes on.
public protocol Exporter: AnyObject {
    /// Called before any row with the result's columns and the buffer to write into.
    func open(columns: [ColumnInfo], output: OutputBuffer) async throws
    /// Called synchronously with each batch of rows, on the host's query thread.
    func write(_ batch: RowBatch) throws
    /// Called once after the last row: write any trailer (a closing `]`, a footer).
    func finish(rowCount: Int) async throws
}

/// Declares an export format: its name (what `:export NAME` and `--format NAME` take),
/// its options, and how to make an exporter for one result.
public struct ExporterSpec: Sendable {
    /// The format's name, lower case: `csv`, `ndjson`, `yaml`.
    public var name: String
    /// One line for `:help export` and completion.
    public var summary: String
    /// The usual file extension, without the dot.
    public var fileExtension: String
    /// The options the format understands (`:export csv delimiter=; header=off`).
    public var options: [ExportOptionSpec]
    /// Makes an exporter for one result, with the options the user gave.
    public var make: @Sendable (ExportOptions) throws -> Exporter
    /// True for formats whose output is not text (Parquet): the host refuses to write
    /// them to a terminal and asks for a file (`> FILE`, `-o FILE`) or a pipe instead.
    /// Set it on the spec after creating it; false by default.
    public var isBinary: Bool = false

    public init(name: String, summary: String, fileExtension: String, options: [ExportOptionSpec] = [],
                make: @escaping @Sendable (ExportOptions) throws -> Exporter) {
        self.name = name
        self.summary = summary
        self.fileExtension = fileExtension
        self.options = options
        self.make = make
    }
}

/// One option an export format understands.
public struct ExportOptionSpec: Sendable, Hashable {
    /// The option's name as typed (`delimiter`).
    public var name: String
    /// One line of help.
    public var summary: String
    /// The value used when the option is not given, shown in help.
    public var defaultValue: String?
    /// The values the option accepts, for completion and validation; empty means any.
    public var allowedValues: [String]

    public init(name: String, summary: String, defaultValue: String? = nil, allowedValues: [String] = []) {
        self.name = name
        self.summary = summary
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
    }
}

/// The options given to one export, as `name=value` pairs.
public struct ExportOptions: Sendable, Hashable {
    /// Every option given, by name.
    public var values: [String: String]

    public init(_ values: [String: String] = [:]) { self.values = values }

    /// The option's value, or nil when not given.
    public subscript(name: String) -> String? { values[name] }

    /// A boolean option: on/off, true/false, yes/no, 1/0 (nil when not given).
    /// Throws `ExportOptionError` for any other value.
    public func bool(_ name: String) throws -> Bool? {
        guard let v = values[name] else { return nil }
        switch v.lowercased() {
        case "on", "true", "yes", "1", "t": return true
        case "off", "false", "no", "0", "f": return false
        default: throw ExportOptionError(option: name, value: v, expected: "on or off")
        }
    }
}

/// An export option with a value the format does not accept.
public struct ExportOptionError: Error, CustomStringConvertible, Sendable {
    public var option: String
    public var value: String
    public var expected: String
    public init(option: String, value: String, expected: String) {
        self.option = option
        self.value = value
        self.expected = expected
    }
    public var description: String { "invalid value \"\(value)\" for option \(option): expected \(expected)" }
}
