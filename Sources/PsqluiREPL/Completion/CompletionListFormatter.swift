import Foundation
import PsqluiCore

/// The ranked list shown on a second Tab: one candidate per line, best first,
/// with its kind and detail, cut to the terminal width.
enum CompletionListFormatter {
    /// Lines starting on a fresh line (the cursor is on the input line), at most
    /// `limit` entries and a "… N more" line; `total` is how many there are in all.
    static func render(_ candidates: [CompletionCandidate], limit: Int, width: Int, total: Int? = nil) -> String {
        let shown = candidates.prefix(limit)
        let nameWidth = min(40, shown.map { DisplayWidth.of($0.text) }.max() ?? 0)
        var out = "\n"
        for c in shown {
            var line = c.text
            let pad = nameWidth - DisplayWidth.of(c.text)
            if pad > 0 { line += String(repeating: " ", count: pad) }
            line += "  " + c.kind.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
            if let detail = c.detail, !detail.isEmpty { line += "  " + detail.replacingNewlines() }
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

private extension String {
    func replacingNewlines() -> String { String(map { $0 == "\n" || $0 == "\t" ? " " : $0 }) }
}
