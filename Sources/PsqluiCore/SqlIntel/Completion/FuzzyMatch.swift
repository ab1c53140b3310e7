/// How well a typed word matches a name, compared on lower-cased UTF-8 bytes.
///
/// A prefix match is the normal case. Anything else must be made of pieces that
/// each start at a word boundary of the name (its start, or after `_`, space,
/// `.`, `-` or a digit run): `oi` and `ord_it` find `order_items`, `cus_id`
/// finds `customer_id`, but `sel` does not find `refresh materialized view`
/// and `in` does not find `min`. Such matches always rank after prefix matches.
enum FuzzyMatch {
    /// A match: prefix matches sort before boundary matches; among the latter,
    /// fewer pieces, then a shorter span, then an earlier start are better.
    struct Score: Comparable {
        var isPrefix: Bool
        var pieces: Int = 1
        var span: Int
        var start: Int
        static func < (a: Score, b: Score) -> Bool {
            if a.isPrefix != b.isPrefix { return a.isPrefix }
            if a.pieces != b.pieces { return a.pieces < b.pieces }
            if a.span != b.span { return a.span < b.span }
            return a.start < b.start
        }
    }

    /// A typed word, prepared once per completion: its bytes and, for the
    /// boundary search, the same without separators (`ordit` ≈ `ord_it`).
    struct Needle {
        let bytes: [UInt8]
        let typed: [UInt8]
        init(_ bytes: [UInt8]) {
            self.bytes = bytes
            self.typed = bytes.filter { !FuzzyMatch.isSeparator($0) }
        }
    }

    /// nil when `needle` is neither a prefix of `haystack` nor made of
    /// word-boundary pieces of it.
    @inline(__always)
    static func score(_ needle: [UInt8], _ haystack: [UInt8]) -> Score? {
        haystack.withUnsafeBufferPointer { score(Needle(needle), $0) }
    }

    /// `score` for a prepared needle over bytes in place (no copy, no retain: the 100,000-name scan).
    @inline(__always)
    static func score(_ needle: Needle, _ haystack: UnsafeBufferPointer<UInt8>) -> Score? {
        let n = needle.bytes
        if n.isEmpty { return Score(isPrefix: true, span: 0, start: 0) }
        if n.count > haystack.count { return nil }
        var isPrefix = true
        for i in 0..<n.count where n[i] != haystack[i] { isPrefix = false; break }
        if isPrefix { return Score(isPrefix: true, span: n.count, start: 0) }
        let typed = needle.typed
        guard !typed.isEmpty, isSubsequence(typed, of: haystack) else { return nil }
        var budget = 200
        guard let (pieces, end, start) = pieces(typed, 0, haystack, 0, &budget) else { return nil }
        return Score(isPrefix: false, pieces: pieces, span: end - start, start: start)
    }

    /// True when every byte of `needle` occurs in `haystack` in order: one linear pass that
    /// turns away most names before the boundary search (a 100,000-table scan).
    @inline(__always)
    static func isSubsequence(_ needle: [UInt8], of haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        var n = 0
        for c in haystack where c == needle[n] {
            n += 1
            if n == needle.count { return true }
        }
        return false
    }

    static func isSeparator(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "_") || c == UInt8(ascii: " ") || c == UInt8(ascii: ".") || c == UInt8(ascii: "-")
    }

    static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    /// True when a piece may start at `i`: the name's start, after a separator,
    /// or where digits start or end.
    static func isBoundary(_ h: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        if i == 0 { return true }
        let prev = h[i - 1]
        if isSeparator(prev) { return true }
        return isDigit(prev) != isDigit(h[i])
    }

    /// Matches `n[ni...]` as pieces starting at boundaries of `h[hi...]`, longest
    /// pieces first. Returns (piece count, end of the match, start of the first piece).
    static func pieces(_ n: [UInt8], _ ni: Int, _ h: UnsafeBufferPointer<UInt8>, _ hi: Int, _ budget: inout Int) -> (Int, Int, Int)? {
        if ni == n.count { return (0, hi, hi) }
        var p = hi
        while p < h.count {
            budget -= 1
            if budget < 0 { return nil }
            if h[p] == n[ni] && isBoundary(h, p) {
                var k = 0
                while ni + k < n.count && p + k < h.count && h[p + k] == n[ni + k] { k += 1 }
                while k >= 1 {
                    if let (count, end, _) = pieces(n, ni + k, h, p + k, &budget) { return (count + 1, end, p) }
                    k -= 1
                }
            }
            p += 1
        }
        return nil
    }
}
