/// The `LINE n: …` line and the caret under it that libpq adds to an error
/// message with a statement position, rendered for a given statement text.
///
/// The COPY fast path sends the user's statement inside a wrapper; the server's
/// position refers to the wrapped text, so the section is rendered again from the
/// user's statement (and the wrapped one, to find and replace what libpq wrote).
/// Follows libpq's layout: positions count characters, a tab shows as a space,
/// the line is cut to 60 screen columns (keeping 10 right of the caret) with `...`.
public enum ErrorPositionText {
    /// The section for the 1-based character `position` in `query`; nil when the
    /// position is outside the text (libpq then shows nothing).
    /// `lineOffset` is added to the line number: a statement sent after that many
    /// lines of a wrapper (psql's FETCH_COUNT cursor puts it on the second line).
    public static func render(query: [UInt8], position: Int, lineOffset: Int = 0) -> String? {
        let loc = position - 1
        guard loc >= 0 else { return nil }
        let displaySize = 60, minRightCut = 10
        var text = query
        var byteOffsets: [Int] = []   // per character: where it starts
        var columns: [Int] = []       // per character: its first screen column
        var offset = 0, column = 0, line = 1, begin = 0, end = -1
        var index = 0
        while offset < text.count {
            let byte = text[offset]
            byteOffsets.append(offset)
            columns.append(column)
            if byte == 9 {
                text[offset] = 32
            } else if byte == 13 || byte == 10 {
                if index < loc {
                    if byte == 13 || index == 0 || text[byteOffsets[index - 1]] != 13 { line += 1 }
                    begin = index + 1
                } else {
                    end = index
                    break
                }
            }
            let (scalar, length) = decode(text, at: offset)
            column += max(1, DisplayWidth.of(scalar))
            offset += length
            index += 1
        }
        if end < 0 {
            end = index
            byteOffsets.append(offset)
            columns.append(column)
        }
        guard loc <= index, loc < columns.count else { return nil }
        var cutLeft = false, cutRight = false
        if columns[end] - columns[begin] > displaySize {
            if columns[begin] + displaySize >= columns[loc] + minRightCut {
                while columns[end] - columns[begin] > displaySize { end -= 1 }
                cutRight = true
            } else {
                while columns[loc] + minRightCut < columns[end] { end -= 1; cutRight = true }
                while columns[end] - columns[begin] > displaySize { begin += 1; cutLeft = true }
            }
        }
        let label = "LINE \(line + lineOffset): " + (cutLeft ? "..." : "")
        let shown = String(decoding: text[byteOffsets[begin]..<byteOffsets[end]], as: UTF8.self)
        let caretColumn = label.count + columns[loc] - columns[begin]
        return label + shown + (cutRight ? "..." : "") + "\n" + String(repeating: " ", count: caretColumn) + "^\n"
    }

    /// `message` (libpq's, for an error at `position` of `query`) as it reads when the
    /// statement was sent `lineOffset` lines into a wrapper; unchanged when it has no
    /// such section.
    public static func shifted(_ message: String, query: [UInt8], position: Int, lineOffset: Int) -> String {
        guard let section = render(query: query, position: position), let range = message.firstRange(of: section),
              let moved = render(query: query, position: position, lineOffset: lineOffset) else { return message }
        var text = message
        text.replaceSubrange(range, with: moved)
        return text
    }

    /// The number of characters (UTF-8 scalars) in `bytes`.
    public static func characterCount<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    private static func decode(_ bytes: [UInt8], at i: Int) -> (UInt32, Int) {
        let b = bytes[i]
        let length = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
        guard length > 1, i + length <= bytes.count else { return (UInt32(b), 1) }
        var scalar = UInt32(b) & (0xFF >> (length + 1))
        for k in 1..<length { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
        return (scalar, length)
    }
}
