/// "Did you mean …?" for a mistyped colon command: the registered name closest by
/// edit distance (insertions, deletions, substitutions and swaps of neighbours).
public enum CommandSuggestion {
    /// The closest of `names` to `typed`, or nil when none is close enough (at most
    /// one edit for short names, a third of the length for longer ones).
    public static func closest(to typed: String, among names: [String]) -> String? {
        let limit = max(1, typed.count / 3)
        var best: (name: String, distance: Int)?
        for name in names where !name.hasPrefix("\\") {
            let d = distance(typed.lowercased(), name)
            if d <= limit, best == nil || d < best!.distance || (d == best!.distance && name < best!.name) {
                best = (name, d)
            }
        }
        return best?.name
    }

    /// Optimal-string-alignment distance between `a` and `b`.
    public static func distance(_ a: String, _ b: String) -> Int {
        let s = Array(a.unicodeScalars), t = Array(b.unicodeScalars)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        var d = Array(repeating: Array(repeating: 0, count: t.count + 1), count: s.count + 1)
        for i in 0...s.count { d[i][0] = i }
        for j in 0...t.count { d[0][j] = j }
        for i in 1...s.count {
            for j in 1...t.count {
                let cost = s[i - 1] == t[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[s.count][t.count]
    }

    /// The message for an unknown command, with a suggestion when one is close.
    public static func message(for typed: String, among names: [String]) -> String {
        if let s = closest(to: typed, among: names) { return "unknown command :\(typed) — did you mean :\(s)?" }
        return "unknown command :\(typed) (:help lists the commands)"
    }

    /// DESIGN's rule keeps `:name` SQL unless `name` is registered. A line is still
    /// reported as a mistyped command — and not run — when the query buffer is empty,
    /// the line starts with `:word` (a letter, then letters, digits, `_`, `+`), the
    /// word is not a set variable, and what follows is nothing or space-separated
    /// arguments. Returns the word, or nil when the line is SQL.
    public static func unknownCommandWord(in line: [UInt8], isVariable: (String) -> Bool) -> String? {
        var i = 0
        while i < line.count, line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") { i += 1 }
        guard i < line.count, line[i] == UInt8(ascii: ":") else { return nil }
        i += 1
        let start = i
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        guard i < line.count, isLetter(line[i]) else { return nil }
        while i < line.count, isLetter(line[i]) || (line[i] >= UInt8(ascii: "0") && line[i] <= UInt8(ascii: "9"))
            || line[i] == UInt8(ascii: "_") || line[i] == UInt8(ascii: "+") { i += 1 }
        guard i == line.count || line[i] == UInt8(ascii: " ") || line[i] == UInt8(ascii: "\t") || line[i] == UInt8(ascii: "\r") else { return nil }
        let word = String(decoding: line[start..<i], as: UTF8.self)
        if isVariable(word) { return nil }
        // `:word;` or `:word)` is SQL (a variable used in a statement): only bare words
        // and arguments that do not end a statement count as a command line.
        if line[i...].contains(UInt8(ascii: ";")) { return nil }
        return word
    }
}
