@preconcurrency import CLibPQ

/// Turns a value's bytes into the lines psql shows for it in aligned and expanded
/// output (psql's `pg_wcsformat`): a newline starts a new line, a tab becomes spaces
/// up to the next multiple of 8, `\r` shows as `\r`, other control characters as
/// `\xHH` (or `\uHHHH` beyond ASCII), everything else as is. Bytes are read in the
/// client encoding: UTF-8 by default; any other (LATIN1, SQL_ASCII, EUC_JP …) is
/// split and measured by libpq's `PQmblen`/`PQdsplen`, the functions psql itself
/// calls, so a LATIN1 `é` is one raw byte of width 1 as in psql.
public enum CellFormatter {
    /// libpq's number for UTF8 (`PG_UTF8`), the encoding assumed when none is given.
    public static let utf8: Int32 = 6

    /// The shape of a formatted value: its widest line and its number of lines.
    public struct Layout: Equatable {
        public var width: Int
        public var lineCount: Int
        /// True when the bytes are shown unchanged on one line (the fast path).
        public var isPlain: Bool
    }

    /// Measures a value without building its lines. Printable ASCII is the fast path.

    public static func layout(of bytes: UnsafeBufferPointer<UInt8>, encoding: Int32 = utf8) -> Layout {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x20 || b >= 0x7f { break }
            i &+= 1
        }
        if i == n { return Layout(width: n, lineCount: 1, isPlain: true) }
        return slowLayout(of: bytes, encoding: encoding)
    }

    static func slowLayout(of bytes: UnsafeBufferPointer<UInt8>, encoding: Int32) -> Layout {
        var width = 0, lineWidth = 0, lines = 1
        var plain = true
        forEachPiece(bytes, encoding: encoding) { piece in
            switch piece {
            case .newline:
                width = max(width, lineWidth); lineWidth = 0; lines += 1; plain = false
            case .text(_, let w):
                lineWidth += w
            case .escaped(let s):
                lineWidth += s.count; plain = false
            case .tab:
                let spaces = 8 - lineWidth % 8
                lineWidth += spaces; plain = false
            }
        }
        return Layout(width: max(width, lineWidth), lineCount: lines, isPlain: plain)
    }

    /// The lines a value shows as, each with its width.
    public static func lines(of bytes: UnsafeBufferPointer<UInt8>, encoding: Int32 = utf8) -> [(bytes: [UInt8], width: Int)] {
        var result: [(bytes: [UInt8], width: Int)] = []
        var current: [UInt8] = []
        var lineWidth = 0
        forEachPiece(bytes, encoding: encoding) { piece in
            switch piece {
            case .newline:
                result.append((current, lineWidth)); current = []; lineWidth = 0
            case .text(let range, let w):
                current.append(contentsOf: bytes[range]); lineWidth += w
            case .escaped(let s):
                current.append(contentsOf: s.utf8); lineWidth += s.count
            case .tab:
                let spaces = 8 - lineWidth % 8
                current.append(contentsOf: repeatElement(UInt8(ascii: " "), count: spaces)); lineWidth += spaces
            }
        }
        result.append((current, lineWidth))
        return result
    }

    /// The lines of a string, for headers and panes.
    public static func lines(of string: String) -> [(bytes: [UInt8], width: Int)] {
        var s = string
        return s.withUTF8 { lines(of: $0) }
    }

    /// Text from the server made safe for the terminal, escaped as aligned output
    /// escapes a cell (`\x1B`, `\r`, `\u0085`): the one sanitizer for completion
    /// lists, panes, messages and the prompt. Newlines stay when `keepNewlines`, else
    /// they and tabs become spaces (one-line places).
    public static func terminalSafe(_ text: String, keepNewlines: Bool = false) -> String {
        var s = text
        return s.withUTF8 { bytes in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            forEachPiece(bytes) { piece in
                switch piece {
                case .newline: out.append(keepNewlines ? 0x0a : 0x20)
                case .tab: out.append(keepNewlines ? 0x09 : 0x20)
                case .text(let range, _): out.append(contentsOf: bytes[range])
                case .escaped(let e): out.append(contentsOf: e.utf8)
                }
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    enum Piece {
        case newline
        case tab
        case text(Range<Int>, width: Int)
        case escaped(String)
    }

    /// Walks the bytes in `encoding`, calling `body` for each displayable piece.
    static func forEachPiece(_ bytes: UnsafeBufferPointer<UInt8>, encoding: Int32 = utf8, _ body: (Piece) -> Void) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 {
                switch b {
                case 0x0a: body(.newline)
                case 0x09: body(.tab)
                case 0x0d: body(.escaped("\\r"))
                case 0..<0x20, 0x7f: body(.escaped("\\x" + hex(UInt32(b), digits: 2)))
                default: body(.text(i..<(i + 1), width: 1))
                }
                i += 1
                continue
            }
            if encoding != utf8 {
                // psql's pg_wcsformat over PQmblen/PQdsplen; a character cut short
                // at the end of the value is dropped, as psql drops it.
                let (length, w) = character(bytes, at: i, encoding: encoding)
                guard i + length <= n else { return }
                if w < 0 {
                    body(.escaped(length == 1 ? "\\x" + hex(UInt32(b), digits: 2) : "\\u????"))
                } else {
                    body(.text(i..<(i + length), width: w))
                }
                i += length
                continue
            }
            // Decode one UTF-8 sequence; an invalid byte shows escaped.
            let (scalar, length) = decode(bytes, at: i)
            guard let scalar else {
                body(.escaped("\\x" + hex(UInt32(b), digits: 2)))
                i += 1
                continue
            }
            let w = DisplayWidth.of(scalar)
            if w < 0 {
                body(.escaped("\\u" + hex(scalar, digits: 4)))
            } else {
                body(.text(i..<(i + length), width: w))
            }
            i += length
        }
    }

    /// libpq's length and display width of the character at `i` in `encoding`
    /// (read from a NUL-terminated copy: libpq may look one byte ahead).
    static func character(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int, encoding: Int32) -> (length: Int, width: Int) {
        var buffer: (UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0)
        return withUnsafeMutableBytes(of: &buffer) { raw in
            for k in 0..<min(4, bytes.count - i) { raw[k] = bytes[i + k] }
            let p = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
            return (max(1, Int(PQmblen(p, encoding))), Int(PQdsplen(p, encoding)))
        }
    }

    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32?, Int) {
        let b0 = bytes[i]
        let length: Int
        var scalar: UInt32
        switch b0 {
        case 0xc2...0xdf: length = 2; scalar = UInt32(b0 & 0x1f)
        case 0xe0...0xef: length = 3; scalar = UInt32(b0 & 0x0f)
        case 0xf0...0xf4: length = 4; scalar = UInt32(b0 & 0x07)
        default: return (nil, 1)
        }
        guard i + length <= bytes.count else { return (nil, 1) }
        for k in 1..<length {
            let c = bytes[i + k]
            guard c & 0xc0 == 0x80 else { return (nil, 1) }
            scalar = scalar << 6 | UInt32(c & 0x3f)
        }
        return (scalar, length)
    }

    static func hex(_ value: UInt32, digits: Int) -> String {
        let s = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}

extension CellFormatter {
    /// psql's `strlen_max_width`: how many bytes of a formatted line fill at most
    /// `target` display columns (at least one character), and the width they fill.
    static func prefix(of line: UnsafeBufferPointer<UInt8>, from start: Int, target: Int, encoding: Int32 = utf8) -> (bytes: Int, width: Int) {
        var i = start, width = 0
        let n = line.count
        while i < n {
            let b = line[i]
            var w = 1, len = 1
            if b >= 0x80 && encoding != utf8 {
                let (l, dw) = character(line, at: i, encoding: encoding)
                len = l; w = max(dw, 0)
            } else if b >= 0x80 {
                let (scalar, l) = decode(line, at: i)
                len = l
                if let scalar { w = max(DisplayWidth.of(scalar), 0) }
            }
            if target < width + w && width != 0 { break }
            width += w
            i += len
        }
        return (i - start, width)
    }
}
