import PsqluiPluginAPI

/// Draws a table piece in psql's document formats — `csv`, `html`, `asciidoc`,
/// `latex`, `latex-longtable` and `troff-ms`, each plain or expanded — byte for
/// byte as psql's `print_*_text` / `print_*_vertical` do. Rows stream: these
/// formats need no widths.
final class MarkupTableWriter: TableWriter {
    private let out: OutputBuffer
    private let settings: PrintSettings
    private let segment: TableSegment
    private let vertical: Bool
    private let nullBytes: [UInt8]
    private var cellIndex = 0
    private var record: Int
    /// troff-ms expanded: 0 none, 1 record header, 2 body.
    private var troffFormat = 0

    init(out: OutputBuffer, segment: TableSegment, settings: PrintSettings, vertical: Bool) {
        self.out = out
        self.settings = settings
        self.segment = segment
        self.vertical = vertical
        self.nullBytes = Array(settings.nullString.utf8)
        self.record = segment.priorRecords + 1
    }

    private var tuplesOnly: Bool { settings.tuplesOnly }
    private var n: Int { segment.columns.count }

    // MARK: TableWriter

    func begin() throws {
        switch settings.format {
        case .csv: try beginCSV()
        case .html: try beginHTML()
        case .asciidoc: try beginAsciidoc()
        case .latex, .latexLongtable:
            if vertical { try beginLatexVertical() } else if settings.format == .latex { try beginLatex() } else { try beginLongtable() }
        case .troffMs: try beginTroff()
        default: break
        }
    }

    func write(_ batch: RowBatch) throws {
        for r in 0..<batch.rowCount {
            for c in 0..<batch.columnCount {
                let cell = batch[r, c]
                try cellBytes(cell) { bytes in try writeCell(bytes, column: c) }
                cellIndex += 1
            }
        }
    }

    func end() throws {
        switch settings.format {
        case .csv: break
        case .html: try endHTML()
        case .asciidoc: try endAsciidoc()
        case .latex: try endLatex()
        case .latexLongtable: if vertical { try endLatex() } else if segment.stopTable { try out.append("\\end{longtable}\n") }
        case .troffMs: try endTroff()
        default: break
        }
    }

    private func cellBytes(_ cell: CellView, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) rethrows {
        if cell.isNull { try nullBytes.withUnsafeBufferPointer(body) } else { try body(cell.bytes) }
    }

    private func writeCell(_ bytes: UnsafeBufferPointer<UInt8>, column c: Int) throws {
        let first = c == 0, last = c == n - 1
        switch (settings.format, vertical) {
        case (.csv, false):
            try csvField(bytes)
            try out.append(last ? UInt8(ascii: "\n") : settings.csvFieldSeparator)
        case (.csv, true):
            try segment.headers[c].withUnsafeBufferPointer { try csvField($0) }
            try out.append(settings.csvFieldSeparator)
            try csvField(bytes)
            try out.append(UInt8(ascii: "\n"))
        case (.html, false):
            if first { try out.append("  <tr valign=\"top\">\n") }
            try out.append(segment.rightAligned[c] ? "    <td align=\"right\">" : "    <td align=\"left\">")
            if Self.isBlank(bytes) { try out.append("&nbsp; ") } else { try html(bytes) }
            try out.append("</td>\n")
            if last { try out.append("  </tr>\n") }
        case (.html, true):
            if first {
                if !tuplesOnly { try out.append("\n  <tr><td colspan=\"2\" align=\"center\">Record \(record)</td></tr>\n"); record += 1 }
                else { try out.append("\n  <tr><td colspan=\"2\">&nbsp;</td></tr>\n") }
            }
            try out.append("  <tr valign=\"top\">\n    <th>")
            try segment.headers[c].withUnsafeBufferPointer { try html($0) }
            try out.append("</th>\n")
            try out.append(segment.rightAligned[c] ? "    <td align=\"right\">" : "    <td align=\"left\">")
            if Self.isBlank(bytes) { try out.append("&nbsp; ") } else { try html(bytes) }
            try out.append("</td>\n  </tr>\n")
        case (.asciidoc, false):
            if !first { try out.append(UInt8(ascii: " ")) }
            try out.append(UInt8(ascii: "|"))
            if Self.isBlank(bytes) { if !last { try out.append(UInt8(ascii: " ")) } } else { try asciidoc(bytes) }
            if last { try out.append(UInt8(ascii: "\n")) }
        case (.asciidoc, true):
            if first {
                if !tuplesOnly { try out.append("2+^|Record \(record)\n"); record += 1 } else { try out.append("2+|\n") }
            }
            try out.append("<l|")
            try segment.headers[c].withUnsafeBufferPointer { try asciidoc($0) }
            try out.append(segment.rightAligned[c] ? " >l|" : " <l|")
            if Self.isBlank(bytes) { try out.append(UInt8(ascii: " ")) } else { try asciidoc(bytes) }
            try out.append(UInt8(ascii: "\n"))
        case (.latex, false):
            try latex(bytes)
            if last {
                try out.append(" \\\\\n")
                if latexBorder == 3 { try out.append("\\hline\n") }
            } else {
                try out.append(" & ")
            }
        case (.latexLongtable, false):
            if cellIndex != 0 && !first { try out.append("\n&\n") }
            try out.append("\\raggedright{")
            try latex(bytes)
            try out.append(UInt8(ascii: "}"))
            if last {
                try out.append(" \\tabularnewline\n")
                if latexBorder == 3 { try out.append(" \\hline\n") }
            }
        case (.latex, true), (.latexLongtable, true):
            let border = min(settings.border, 2)
            if first {
                if !tuplesOnly {
                    if border == 2 {
                        try out.append("\\hline\n")
                        try out.append("\\multicolumn{2}{|c|}{\\textit{Record \(record)}} \\\\\n")
                    } else {
                        try out.append("\\multicolumn{2}{c}{\\textit{Record \(record)}} \\\\\n")
                    }
                    record += 1
                }
                if border >= 1 { try out.append("\\hline\n") }
            }
            try segment.headers[c].withUnsafeBufferPointer { try latex($0) }
            try out.append(" & ")
            try latex(bytes)
            try out.append(" \\\\\n")
        case (.troffMs, false):
            try troff(bytes)
            try out.append(last ? UInt8(ascii: "\n") : UInt8(ascii: "\t"))
        case (.troffMs, true):
            let border = min(settings.border, 2)
            if first {
                if !tuplesOnly {
                    if troffFormat != 1 {
                        if border == 2 && record > 1 { try out.append("_\n") }
                        if troffFormat != 0 { try out.append(".T&\n") }
                        try out.append("c s.\n")
                        troffFormat = 1
                    }
                    try out.append("\\fIRecord \(record)\\fP\n")
                    record += 1
                }
                if border >= 1 { try out.append("_\n") }
            }
            if !tuplesOnly && troffFormat != 2 {
                if troffFormat != 0 { try out.append(".T&\n") }
                try out.append(border != 1 ? "c l.\n" : "c | l.\n")
                troffFormat = 2
            }
            try segment.headers[c].withUnsafeBufferPointer { try troff($0) }
            try out.append(UInt8(ascii: "\t"))
            try troff(bytes)
            try out.append(UInt8(ascii: "\n"))
        default:
            break
        }
    }

    private var latexBorder: Int { min(settings.border, 3) }

    // MARK: csv

    private func beginCSV() throws {
        guard segment.startTable, !tuplesOnly, !vertical else { return }
        for (i, h) in segment.headers.enumerated() {
            if i > 0 { try out.append(settings.csvFieldSeparator) }
            try h.withUnsafeBufferPointer { try csvField($0) }
        }
        try out.append(UInt8(ascii: "\n"))
    }

    /// psql's `csv_print_field`: quoted when it holds the separator, CR, LF or `"`,
    /// is exactly `\.`, or the separator is `\` or `.`.
    private func csvField(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        let sep = settings.csvFieldSeparator
        var quote = sep == UInt8(ascii: "\\") || sep == UInt8(ascii: ".")
        if !quote {
            for b in bytes where b == sep || b == 0x0d || b == 0x0a || b == UInt8(ascii: "\"") { quote = true; break }
        }
        if !quote && bytes.count == 2 && bytes[0] == UInt8(ascii: "\\") && bytes[1] == UInt8(ascii: ".") { quote = true }
        guard quote else { try out.append(bytes); return }
        try out.append(UInt8(ascii: "\""))
        for b in bytes {
            if b == UInt8(ascii: "\"") { try out.append(b) }
            try out.append(b)
        }
        try out.append(UInt8(ascii: "\""))
    }

    // MARK: html

    private func beginHTML() throws {
        guard segment.startTable else { return }
        try out.append("<table border=\"\(settings.border)\"")
        if let attr = settings.tableAttributes { try out.append(" " + attr) }
        try out.append(">\n")
        if !tuplesOnly, let title = segment.title {
            try out.append("  <caption>")
            try htmlString(title)
            try out.append("</caption>\n")
        }
        if !tuplesOnly && !vertical {
            try out.append("  <tr>\n")
            for h in segment.headers {
                try out.append("    <th align=\"center\">")
                try h.withUnsafeBufferPointer { try html($0) }
                try out.append("</th>\n")
            }
            try out.append("  </tr>\n")
        }
    }

    private func endHTML() throws {
        guard segment.stopTable else { return }
        try out.append("</table>\n")
        let footers = vertical ? segment.footers : segment.footersWithDefault(settings)
        if !tuplesOnly, let footers {
            try out.append("<p>")
            for f in footers { try htmlString(f); try out.append("<br />\n") }
            try out.append("</p>")
        }
        try out.append(UInt8(ascii: "\n"))
    }

    private func htmlString(_ s: String) throws {
        var s = s
        try s.withUTF8 { try html($0) }
    }

    /// psql's `html_escaped_print`: `& < > "` as entities, newlines as `<br />`,
    /// leading spaces as `&nbsp;`.
    private func html(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        try Self.appendHTML(bytes, to: out)
    }

    /// `html(_:)` into any buffer (the printer's command tags in html).
    static func appendHTML(_ bytes: UnsafeBufferPointer<UInt8>, to out: OutputBuffer) throws {
        var leading = true
        for b in bytes {
            switch b {
            case UInt8(ascii: "&"): try out.append("&amp;")
            case UInt8(ascii: "<"): try out.append("&lt;")
            case UInt8(ascii: ">"): try out.append("&gt;")
            case 0x0a: try out.append("<br />\n")
            case UInt8(ascii: "\""): try out.append("&quot;")
            case UInt8(ascii: " "): try out.append(leading ? "&nbsp;" : " ")
            default: try out.append(b)
            }
            if b != UInt8(ascii: " ") { leading = false }
        }
    }

    static func isBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.allSatisfy { $0 == UInt8(ascii: " ") || $0 == 0x09 }
    }

    // MARK: asciidoc

    private func frame() -> String {
        switch settings.border {
        case 0: return ",frame=\"none\",grid=\"none\""
        case 1: return ",frame=\"none\""
        case 2: return ",frame=\"all\",grid=\"all\""
        default: return ""
        }
    }

    private func beginAsciidoc() throws {
        guard segment.startTable else { return }
        try out.append("\n")
        if !tuplesOnly, let title = segment.title { try out.append("." + title + "\n") }
        if vertical {
            try out.append("[cols=\"h,l\"" + frame() + "]\n|====\n")
            return
        }
        var spec = "[" + (!tuplesOnly ? "options=\"header\"," : "") + "cols=\""
        spec += segment.rightAligned.map { $0 ? ">l" : "<l" }.joined(separator: ",")
        try out.append(spec + "\"" + frame() + "]\n|====\n")
        if !tuplesOnly {
            for (i, h) in segment.headers.enumerated() {
                if i > 0 { try out.append(UInt8(ascii: " ")) }
                try out.append("^l|")
                try h.withUnsafeBufferPointer { try asciidoc($0) }
            }
            try out.append(UInt8(ascii: "\n"))
        }
    }

    private func endAsciidoc() throws {
        try out.append("|====\n")
        guard segment.stopTable else { return }
        let footers = vertical ? segment.footers : segment.footersWithDefault(settings)
        if !tuplesOnly, let footers {
            try out.append("\n....\n")
            for f in footers { try out.append(f + "\n") }
            try out.append("....\n")
        }
    }

    private func asciidoc(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        for b in bytes {
            if b == UInt8(ascii: "|") { try out.append("\\|") } else { try out.append(b) }
        }
    }

    // MARK: latex

    private func beginLatex() throws {
        guard segment.startTable else { return }
        let border = latexBorder
        if !tuplesOnly, let title = segment.title {
            try out.append("\\begin{center}\n")
            try latexString(title)
            try out.append("\n\\end{center}\n\n")
        }
        try out.append("\\begin{tabular}{")
        if border >= 2 { try out.append("| ") }
        for c in 0..<n {
            try out.append(segment.rightAligned[c] ? "r" : "l")
            if border != 0 && c < n - 1 { try out.append(" | ") }
        }
        if border >= 2 { try out.append(" |") }
        try out.append("}\n")
        if !tuplesOnly && border >= 2 { try out.append("\\hline\n") }
        if !tuplesOnly {
            for (i, h) in segment.headers.enumerated() {
                if i > 0 { try out.append(" & ") }
                try out.append("\\textit{")
                try h.withUnsafeBufferPointer { try latex($0) }
                try out.append(UInt8(ascii: "}"))
            }
            try out.append(" \\\\\n\\hline\n")
        }
    }

    private func beginLatexVertical() throws {
        guard segment.startTable else { return }
        if !tuplesOnly, let title = segment.title {
            try out.append("\\begin{center}\n")
            try latexString(title)
            try out.append("\n\\end{center}\n\n")
        }
        try out.append("\\begin{tabular}{")
        switch min(settings.border, 2) {
        case 0: try out.append("cl")
        case 1: try out.append("c|l")
        case 2: try out.append("|c|l|")
        default: break
        }
        try out.append("}\n")
    }

    private func endLatex() throws {
        guard segment.stopTable else { return }
        let border = vertical ? min(settings.border, 2) : latexBorder
        if border == 2 { try out.append("\\hline\n") }
        try out.append("\\end{tabular}\n\n\\noindent ")
        let footers = vertical ? segment.footers : segment.footersWithDefault(settings)
        if !tuplesOnly, let footers {
            for f in footers { try latexString(f); try out.append(" \\\\\n") }
        }
        try out.append(UInt8(ascii: "\n"))
    }

    private func beginLongtable() throws {
        guard segment.startTable else { return }
        let border = latexBorder
        try out.append("\\begin{longtable}{")
        if border >= 2 { try out.append("| ") }
        // `tableattr` gives proportional widths for left-aligned columns.
        let widths = (settings.tableAttributes ?? "").split(whereSeparator: { " \t\n".contains($0) }).map(String.init)
        var next = 0
        var last: String?
        for c in 0..<n {
            if !segment.rightAligned[c] && settings.tableAttributes != nil {
                if next < widths.count {
                    try out.append("p{" + widths[next] + "\\textwidth}")
                    last = widths[next]
                    next += 1
                } else if let last {
                    try out.append("p{" + last + "\\textwidth}")
                } else {
                    try out.append("l")
                }
            } else {
                try out.append(segment.rightAligned[c] ? "r" : "l")
            }
            if border != 0 && c < n - 1 { try out.append(" | ") }
        }
        if border >= 2 { try out.append(" |") }
        try out.append("}\n")
        guard !tuplesOnly else { return }
        func heads() throws {
            if border >= 2 { try out.append("\\toprule\n") }
            for (i, h) in segment.headers.enumerated() {
                if i > 0 { try out.append(" & ") }
                try out.append("\\small\\textbf{\\textit{")
                try h.withUnsafeBufferPointer { try latex($0) }
                try out.append("}}")
            }
            try out.append(" \\\\\n")
        }
        try heads()
        try out.append("\\midrule\n\\endfirsthead\n")
        try heads()
        if border != 3 { try out.append("\\midrule\n") }
        try out.append("\\endhead\n")
        if let title = segment.title {
            if border == 2 { try out.append("\\bottomrule\n") }
            try out.append("\\caption[")
            try latexString(title)
            try out.append(" (Continued)]{")
            try latexString(title)
            try out.append("}\n\\endfoot\n")
            if border == 2 { try out.append("\\bottomrule\n") }
            try out.append("\\caption[")
            try latexString(title)
            try out.append("]{")
            try latexString(title)
            try out.append("}\n\\endlastfoot\n")
        } else if border >= 2 {
            try out.append("\\bottomrule\n\\endfoot\n")
            try out.append("\\bottomrule\n\\endlastfoot\n")
        }
    }

    private func latexString(_ s: String) throws {
        var s = s
        try s.withUTF8 { try latex($0) }
    }

    /// psql's `latex_escaped_print`.
    private func latex(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        for b in bytes {
            switch b {
            case UInt8(ascii: "#"): try out.append("\\#")
            case UInt8(ascii: "$"): try out.append("\\$")
            case UInt8(ascii: "%"): try out.append("\\%")
            case UInt8(ascii: "&"): try out.append("\\&")
            case UInt8(ascii: "<"): try out.append("\\textless{}")
            case UInt8(ascii: ">"): try out.append("\\textgreater{}")
            case UInt8(ascii: "\\"): try out.append("\\textbackslash{}")
            case UInt8(ascii: "^"): try out.append("\\^{}")
            case UInt8(ascii: "_"): try out.append("\\_")
            case UInt8(ascii: "{"): try out.append("\\{")
            case UInt8(ascii: "|"): try out.append("\\textbar{}")
            case UInt8(ascii: "}"): try out.append("\\}")
            case UInt8(ascii: "~"): try out.append("\\~{}")
            case 0x0a: try out.append("\\\\")
            default: try out.append(b)
            }
        }
    }

    // MARK: troff-ms

    private func beginTroff() throws {
        guard segment.startTable else { troffFormat = 2; return }
        let border = min(settings.border, 2)
        if !tuplesOnly, let title = segment.title {
            try out.append(".LP\n.DS C\n")
            try troffString(title)
            try out.append("\n.DE\n")
        }
        try out.append(".LP\n.TS\n")
        try out.append(border == 2 ? "center box;\n" : "center;\n")
        if vertical {
            if tuplesOnly { try out.append("c l;\n") }
            return
        }
        for c in 0..<n {
            try out.append(segment.rightAligned[c] ? "r" : "l")
            if border > 0 && c < n - 1 { try out.append(" | ") }
        }
        try out.append(".\n")
        if !tuplesOnly {
            for (i, h) in segment.headers.enumerated() {
                if i > 0 { try out.append(UInt8(ascii: "\t")) }
                try out.append("\\fI")
                try h.withUnsafeBufferPointer { try troff($0) }
                try out.append("\\fP")
            }
            try out.append("\n_\n")
        }
    }

    private func endTroff() throws {
        guard segment.stopTable else { return }
        try out.append(".TE\n.DS L\n")
        let footers = vertical ? segment.footers : segment.footersWithDefault(settings)
        if !tuplesOnly, let footers {
            for f in footers { try troffString(f); try out.append(UInt8(ascii: "\n")) }
        }
        try out.append(".DE\n")
    }

    private func troffString(_ s: String) throws {
        var s = s
        try s.withUTF8 { try troff($0) }
    }

    private func troff(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        for b in bytes {
            if b == UInt8(ascii: "\\") { try out.append("\\(rs") } else { try out.append(b) }
        }
    }
}
