import PsqluiPluginAPI

/// An HTML `<table>`, byte-for-byte what `psql -H` prints: a `<th>` row of column
/// names, numeric columns `align="right"`, `&`, `<`, `>`, `"` escaped, line breaks as
/// `<br />`, a leading space as `&nbsp;`, NULL and blank cells as `&nbsp; `, and the
/// `(N rows)` footer paragraph (`footer=off` leaves it out).
final class HTMLExporter: Exporter {
    static let escaper = ByteEscaper([
        UInt8(ascii: "&"): "&amp;", UInt8(ascii: "<"): "&lt;", UInt8(ascii: ">"): "&gt;",
        10: "<br />\n", UInt8(ascii: "\""): "&quot;",
    ])

    private let footer: Bool
    private var output: OutputBuffer!
    private var rightAligned: [Bool] = []

    init(footer: Bool) { self.footer = footer }

    func open(columns: [ColumnInfo], output: OutputBuffer) async throws {
        self.output = output
        rightAligned = columns.map { TypeOID.isNumeric($0.typeOID) }
        try output.append("<table border=\"1\">\n  <tr>\n" as StaticString)
        for column in columns {
            try output.append("    <th align=\"center\">" as StaticString)
            try ExportSupport.withBytes(column.name) { try Self.writeEscaped($0, to: output) }
            try output.append("</th>\n" as StaticString)
        }
        try output.append("  </tr>\n" as StaticString)
    }

    func write(_ batch: RowBatch) throws {
        let columns = batch.columnCount
        var index = 0
        for _ in 0..<batch.rowCount {
            try output.append("  <tr valign=\"top\">\n" as StaticString)
            for c in 0..<columns {
                try output.append(rightAligned[c] ? "    <td align=\"right\">" as StaticString : "    <td align=\"left\">" as StaticString)
                let bytes = batch.cells[index].bytes
                if Self.isBlank(bytes) { try output.append("&nbsp; " as StaticString) }
                else { try Self.writeEscaped(bytes, to: output) }
                try output.append("</td>\n" as StaticString)
                index += 1
            }
            try output.append("  </tr>\n" as StaticString)
        }
    }

    func finish(rowCount: Int) async throws {
        try output.append("</table>\n" as StaticString)
        if footer {
            try output.append("<p>" as StaticString)
            try output.append(ExportSupport.rowCountFooter(rowCount))
            try output.append("<br />\n</p>" as StaticString)
        }
        try output.append(UInt8(ascii: "\n"))
    }

    /// psql's `html_escaped_print`: leading spaces become `&nbsp;`.
    static func writeEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: OutputBuffer) throws {
        var rest = bytes[...]
        while let first = rest.first, first == UInt8(ascii: " ") {
            try output.append("&nbsp;" as StaticString)
            rest = rest.dropFirst()
        }
        try escaper.append(UnsafeBufferPointer(rebasing: rest), to: output)
    }

    /// Empty, or only spaces and tabs (psql prints those as `&nbsp; `).
    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for b in bytes where b != UInt8(ascii: " ") && b != 9 { return false }
        return true
    }

    /// The format's declaration for the registry.
    static let spec = ExporterSpec(
        name: "html",
        summary: "an HTML table, as psql -H prints it",
        fileExtension: "html",
        options: [ExportOptionSpec(name: "footer", summary: "write the (N rows) footer", defaultValue: "on", allowedValues: ["on", "off"])],
        make: { options in HTMLExporter(footer: try options.bool("footer") ?? true) })
}
