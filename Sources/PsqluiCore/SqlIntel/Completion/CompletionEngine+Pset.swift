/// `\pset` arguments: the option names `\pset` accepts, then the values of the
/// option named (psql's own tab completion offers the same lists).
extension CompletionEngine {
    /// Values `\pset NAME ` takes, for the options with a fixed set.
    static func psetValues(_ option: String) -> [String] {
        switch option {
        case "format":
            return ["aligned", "asciidoc", "csv", "html", "latex", "latex-longtable", "troff-ms", "unaligned", "wrapped"]
        case "linestyle": return PrintSettings.LineStyle.allCases.map(\.rawValue)
        case "unicode_border_linestyle", "unicode_column_linestyle", "unicode_header_linestyle": return ["single", "double"]
        case "border": return ["0", "1", "2"]
        case "x", "expanded", "vertical": return ["on", "off", "auto"]
        case "xheader_width": return ["full", "column", "page"]
        case "pager": return ["on", "off", "always"]
        case "footer", "numericlocale", "t", "tuples_only", "fieldsep_zero", "recordsep_zero": return ["on", "off"]
        default: return []
        }
    }

    /// True for `\pset` (handled here whatever the command table says about it).
    static func isPset(_ typed: String) -> Bool { typed == "\\pset" }

    func addPsetArgument(index: Int, rank: Int, to c: inout CandidateCollector) {
        if index == 0 {
            for (i, name) in PrintSettings.psetAcceptedNames.enumerated() {
                c.addLiteral(.value, text: name, match: name, rank: rank, subrank: 0, tiebreak: i)
            }
            return
        }
        guard index == 1 else { return }
        let option = CommandInvocationWords.first(c.context.commandArguments ?? "")
        for (i, v) in Self.psetValues(option).enumerated() {
            c.addLiteral(.value, text: v, match: v, rank: rank, subrank: 0, tiebreak: i)
        }
    }
}
