/// How well a typed word matches a name, compared on lower-cased UTF-8 bytes.
enum FuzzyMatch {
    /// A match: prefix matches sort before subsequence matches; among the
    /// latter, a shorter span and an earlier start are better.
    struct Score: Comparable {
        var isPrefix: Bool
        var span: Int
        var start: Int
        static func < (a: Score, b: Score) -> Bool {
            if a.isPrefix != b.isPrefix { return a.isPrefix }
            if a.span != b.span { return a.span < b.span }
            return a.start < b.start
        }
    }

    /// nil when `needle` is not a prefix or a subsequence of `haystack`.
    @inline(__always)
    static func score(_ needle: [UInt8], _ haystack: [UInt8]) -> Score? {
        if needle.isEmpty { return Score(isPrefix: true, span: 0, start: 0) }
        if needle.count > haystack.count { return nil }
        var isPrefix = true
        for i in 0..<needle.count where needle[i] != haystack[i] { isPrefix = false; break }
        if isPrefix { return Score(isPrefix: true, span: needle.count, start: 0) }
        // Subsequence: the first match start, then greedy.
        var j = 0
        var first = -1
        for (i, c) in haystack.enumerated() where c == needle[j] {
            if first < 0 { first = i }
            j += 1
            if j == needle.count { return Score(isPrefix: false, span: i - first + 1, start: first) }
        }
        return nil
    }
}
