/// The few string edits the client needs that the standard library lacks and that
/// used to come from Foundation (`trimmingCharacters(in:)`, `replacingOccurrences`,
/// `padding(toLength:)`): they work on Unicode scalars, as Foundation did, so a
/// `"\r\n"` pair or a combining mark is trimmed or matched scalar by scalar. The
/// binary links FoundationEssentials only (start-up cost, docs/PERFORMANCE.md).
extension StringProtocol {
    /// Without leading and trailing white space and line breaks (Foundation's
    /// `.whitespacesAndNewlines`: the Unicode White_Space property).
    package func trimmingWhitespace() -> String {
        trimming { $0.properties.isWhitespace }
    }

    /// Without leading and trailing blanks: spaces and tabs, not line breaks
    /// (Foundation's `.whitespaces`: Unicode spaces and the tab).
    package func trimmingBlanks() -> String {
        trimming(where: Self.isBlank)
    }

    /// Without leading and trailing scalars that occur in `scalars` (`" \t"`).
    package func trimming(scalarsIn scalars: String) -> String {
        let set = Set(scalars.unicodeScalars)
        return trimming { set.contains($0) }
    }

    /// Without leading and trailing scalars for which `isTrimmed` holds.
    package func trimming(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let view = unicodeScalars
        guard let first = view.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let last = view.lastIndex(where: { !isTrimmed($0) })!
        return String(String.UnicodeScalarView(view[first...last]))
    }

    /// Every occurrence of `target` (compared scalar by scalar) replaced by `replacement`.
    package func replacingEvery(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return String(self) }
        var result = String.UnicodeScalarView()
        let scalars = unicodeScalars
        let pattern = Array(target.unicodeScalars)
        var i = scalars.startIndex
        var runStart = i
        while i != scalars.endIndex {
            if scalars[i] == pattern[0], matches(pattern, in: scalars, at: i) {
                result.append(contentsOf: scalars[runStart..<i])
                result.append(contentsOf: replacement.unicodeScalars)
                i = scalars.index(i, offsetBy: pattern.count)
                runStart = i
            } else {
                i = scalars.index(after: i)
            }
        }
        result.append(contentsOf: scalars[runStart..<scalars.endIndex])
        return String(result)
    }

    /// Padded with spaces, or cut, to `length` characters (Foundation's
    /// `padding(toLength:withPad: " ", startingAt: 0)`).
    package func padded(toLength length: Int) -> String {
        let n = count
        if n >= length { return String(prefix(length)) }
        return String(self) + String(repeating: " ", count: length - n)
    }

    private func matches(_ pattern: [Unicode.Scalar], in scalars: UnicodeScalarView, at start: UnicodeScalarView.Index) -> Bool {
        var j = start
        for p in pattern {
            guard j != scalars.endIndex, scalars[j] == p else { return false }
            j = scalars.index(after: j)
        }
        return true
    }

    private static func isBlank(_ s: Unicode.Scalar) -> Bool {
        s == "\t" || s.properties.generalCategory == .spaceSeparator
    }
}
