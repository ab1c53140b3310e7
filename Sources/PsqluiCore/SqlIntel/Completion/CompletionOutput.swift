/// Text forms of a candidate list, for `--complete` and for the libedit bridge.
public enum CompletionOutput {
    /// One line per candidate, best first: `KIND<TAB>CANDIDATE<TAB>START`
    /// (tabs and newlines inside a candidate are written as spaces).
    public static func format(_ candidates: [CompletionCandidate]) -> String {
        var out = ""
        for c in candidates {
            let text = String(c.text.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
            out += "\(c.kind.rawValue)\t\(text)\t\(c.start)\n"
        }
        return out
    }

    /// What libedit should put in `matches[0]` (the text that replaces the typed
    /// word): the longest common prefix of the prefix-matching candidates, but
    /// never less than what was typed. libedit replaces the word with
    /// `matches[0]`, so a fuzzy match must never decide it:
    ///
    /// - one prefix match: its text (then libedit appends the space);
    /// - several: their common prefix (compared ignoring case, taken from the
    ///   first candidate); if that is shorter than `typed`, `typed` itself;
    /// - only fuzzy matches: `typed` unchanged (the bridge shows the ranked
    ///   list itself, since libedit sorts its own display alphabetically).
    public static func insertion(typed: String, candidates: [CompletionCandidate]) -> String {
        let prefixed = candidates.filter(\.isPrefixMatch).map(\.text)
        guard var common = prefixed.first.map(Array.init) else { return typed }
        for text in prefixed.dropFirst() {
            let chars = Array(text)
            var n = 0
            while n < common.count && n < chars.count && common[n].lowercased() == chars[n].lowercased() { n += 1 }
            common.removeLast(common.count - n)
        }
        let result = String(common)
        return result.count >= typed.count ? result : typed
    }
}
