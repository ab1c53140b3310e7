import PsqluiPluginAPI

/// Comma-separated values.
///
/// By default the output is byte-for-byte what `psql --csv` prints: a header line, a
/// field quoted only when it holds the delimiter, `"`, CR or LF, or is exactly `\.`
/// (or always when the delimiter is `\` or `.`), NULL and the empty string both
/// empty, LF line ends, no footer.
///
/// With `roundtrip=on` the output is what `COPY … TO STDOUT (FORMAT csv, HEADER)`
/// prints, so NULL and '' survive a reload: '' is written as `""`, and `\.` is quoted
/// only when it is a row's only field.
final class CSVExporter: Exporter {
    struct Settings: Equatable {
        var delimiter: UInt8 = UInt8(ascii: ",")
        var header = true
        var roundTrip = false
    }

    let settings: Settings
    private var output: OutputBuffer!
    private var singleColumn = false
    /// Bytes that force quoting (delimiter, quote, CR, LF).
    private var forcesQuotes = [Bool](repeating: false, count: 256)
    private let quoteEverything: Bool
    private let scratch = ByteScratch()

    init(_ settings: Settings) {
        self.settings = settings
        for b in [settings.delimiter, UInt8(ascii: "\""), 13, 10] { forcesQuotes[Int(b)] = true }
        quoteEverything = settings.delimiter == UInt8(ascii: "\\") || settings.delimiter == UInt8(ascii: ".")
    }

    func open(columns: [ColumnInfo], output: OutputBuffer) async throws {
        self.output = output
        singleColumn = columns.count == 1
        guard settings.header else { return }
        forcesQuotes.withUnsafeBufferPointer { quoteTable in
            for (i, column) in columns.enumerated() {
                ExportSupport.withBytes(column.name) { appendField($0, first: i == 0, quoteTable) }
            }
        }
        scratch.reserve(1)
        scratch.appendReserved(UInt8(ascii: "\n"))
        try scratch.flush(to: output)
    }

    func write(_ batch: RowBatch) throws {
        // The hot loop writes into a scratch buffer this module owns and hands it
        // over once per batch (calls into the resilient API per cell cost ~40%).
        let columns = batch.columnCount
        let delimiter = settings.delimiter
        let out = output!
        try forcesQuotes.withUnsafeBufferPointer { quoteTable in
            var index = 0
            for _ in 0..<batch.rowCount {
                for c in 0..<columns {
                    let cell = batch.cells[index]
                    index &+= 1
                    if cell.isNull {
                        if c > 0 { scratch.reserve(1); scratch.appendReserved(delimiter) }
                    } else {
                        appendField(cell.bytes, first: c == 0, quoteTable)
                    }
                }
                scratch.reserve(1)
                scratch.appendReserved(UInt8(ascii: "\n"))
                if scratch.count >= 64 * 1024 { try scratch.flush(to: out) }
            }
        }
        try scratch.flush(to: out)
    }

    func finish(rowCount: Int) async throws {}

    /// Appends one non-NULL field (after a delimiter unless it is the row's first),
    /// quoted and with `"` doubled when psql would quote it.
    @inline(__always)
    private func appendField(_ bytes: UnsafeBufferPointer<UInt8>, first: Bool, _ quoteTable: UnsafeBufferPointer<Bool>) {
        // Worst case: every byte doubled, two quotes and a delimiter.
        scratch.reserve(bytes.count &* 2 &+ 3)
        if !first { scratch.appendReserved(settings.delimiter) }
        guard needsQuotes(bytes, quoteTable) else {
            scratch.appendReserved(bytes)
            return
        }
        scratch.appendReserved(UInt8(ascii: "\""))
        for b in bytes {
            if b == UInt8(ascii: "\"") { scratch.appendReserved(b) }
            scratch.appendReserved(b)
        }
        scratch.appendReserved(UInt8(ascii: "\""))
    }

    @inline(__always)
    private func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>, _ table: UnsafeBufferPointer<Bool>) -> Bool {
        if quoteEverything { return true }
        if bytes.isEmpty { return settings.roundTrip }
        if bytes.count == 2 && bytes[0] == UInt8(ascii: "\\") && bytes[1] == UInt8(ascii: ".") {
            return settings.roundTrip ? singleColumn : true
        }
        for b in bytes where table[Int(b)] { return true }
        return false
    }

    /// The format's declaration for the registry.
    static let spec = ExporterSpec(
        name: "csv",
        summary: "comma-separated values, as psql --csv prints them (roundtrip=on: as COPY … CSV HEADER, '' kept distinct from NULL)",
        fileExtension: "csv",
        options: [
            ExportOptionSpec(name: "delimiter", summary: "field separator, one character (or tab)", defaultValue: ","),
            ExportOptionSpec(name: "header", summary: "write a header line with the column names", defaultValue: "on", allowedValues: ["on", "off"]),
            ExportOptionSpec(name: "roundtrip", summary: "write '' as \"\" so NULL and empty strings reload distinctly (COPY … CSV output)", defaultValue: "off", allowedValues: ["on", "off"]),
        ],
        make: { options in
            var s = Settings()
            s.delimiter = try ExportSupport.singleByteOption(options, "delimiter", default: s.delimiter,
                                                             forbidden: [UInt8(ascii: "\""), 10, 13])
            s.header = try options.bool("header") ?? true
            s.roundTrip = try options.bool("roundtrip") ?? false
            return CSVExporter(s)
        })
}
