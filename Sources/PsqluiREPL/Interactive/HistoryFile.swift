import FoundationEssentials
import PsqluiCore

/// Reads libedit's history file format (`_HiStOrY_V2_` then one entry per line,
/// with spaces, newlines and backslashes written as octal escapes like `\040`).
public enum HistoryFile {
    /// The entries of a history file's text, oldest first.
    public static func entries(in text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if lines.first == "_HiStOrY_V2_" { lines.removeFirst() }
        return lines.map(decode)
    }

    /// Undoes libedit's `\ooo` escapes.
    public static func decode(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\"), i + 3 < bytes.count, let value = octal(bytes[(i + 1)...(i + 3)]) {
                out.append(value)
                i += 4
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Three octal digits as a byte, or nil.
    private static func octal(_ digits: ArraySlice<UInt8>) -> UInt8? {
        var value = 0
        for b in digits {
            guard b >= UInt8(ascii: "0"), b <= UInt8(ascii: "7") else { return nil }
            value = value * 8 + Int(b - UInt8(ascii: "0"))
        }
        return value <= 255 ? UInt8(value) : nil
    }

    /// The history pane's lines: the last `limit` entries, numbered.
    public static func paneLines(entries: [String], limit: Int?) -> [String] {
        let shown = limit.map { Array(entries.suffix($0)) } ?? entries
        let first = entries.count - shown.count
        return shown.enumerated().map { offset, entry in
            let number = String(first + offset + 1)
            let pad = String(repeating: " ", count: max(0, 5 - number.count))
            return pad + number + "  " + entry.replacingEvery("\n", with: "\n       ")
        }
    }
}
