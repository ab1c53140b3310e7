import FoundationEssentials
import PsqluiCore

/// The ranked list shown on a second Tab: one candidate per line, best first,
/// with its kind and detail, cut to the terminal width.
enum CompletionListFormatter {
    /// Lines starting on a fresh line (the cursor is on the input line), at most
    /// `limit` entries and a "… N more" line; `total` is how many there are in all.
    static func render(_ candidates: [CompletionCandidate], limit: Int, width: Int, total: Int? = nil) -> String {
        let shown = candidates.prefix(limit)
        // Names and details come from the server: escaped, never sent raw (a table
        // named `evil\x1b[2J` must not clear the screen).
        let texts = shown.map { CellFormatter.terminalSafe($0.text) }
        let nameWidth = min(40, texts.map { DisplayWidth.of($0) }.max() ?? 0)
        var out = "\n"
        for (c, text) in zip(shown, texts) {
            var line = text
            let pad = nameWidth - DisplayWidth.of(text)
            if pad > 0 { line += String(repeating: " ", count: pad) }
            line += "  " + c.kind.rawValue.padded(toLength: 8)
            if let detail = c.detail, !detail.isEmpty { line += "  " + CellFormatter.terminalSafe(detail) }
            out += clip(line, to: max(10, width - 1)) + "\n"
        }
        let rest = (total ?? candidates.count) - shown.count
        if rest > 0 { out += "… \(rest) more\n" }
        return out
    }

    static func clip(_ line: String, to width: Int) -> String {
        if DisplayWidth.of(line) <= width { return line }
        var out = ""
        var used = 0
        for ch in line {
            let w = DisplayWidth.of(String(ch))
            if used + w > width - 1 { break }
            out.append(ch)
            used += w
        }
        return out + "…"
    }
}
