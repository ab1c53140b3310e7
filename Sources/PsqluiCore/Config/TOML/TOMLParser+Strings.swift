/// The four string kinds: basic `"…"` (escapes), literal `'…'` (none), and their
/// multi-line forms `"""…"""` and `'''…'''`.
extension TOMLParser {
    /// A string value at `pos` (which holds `"` or `'`).
    mutating func stringValue() throws(TOMLError) -> String {
        let quote = bytes[pos]
        let multiline = peek(1) == quote && peek(2) == quote
        if quote == UInt8(ascii: "\"") { return multiline ? try multilineString(literal: false) : try basicString() }
        return multiline ? try multilineString(literal: true) : try literalString()
    }

    /// `"…"`: one line, with escapes.
    mutating func basicString() throws(TOMLError) -> String {
        pos += 1
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw error(.unterminatedString(multiline: false), at: pos) }
            let c = bytes[pos]
            switch c {
            case UInt8(ascii: "\""):
                pos += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try escape(into: &out, multiline: false)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw error(.unterminatedString(multiline: false), at: pos)
            default:
                try checkStringByte(c)
                out.append(c)
                pos += 1
            }
        }
    }

    /// `'…'`: one line, no escapes.
    mutating func literalString() throws(TOMLError) -> String {
        pos += 1
        let start = pos
        while true {
            guard pos < bytes.count else { throw error(.unterminatedString(multiline: false), at: pos) }
            let c = bytes[pos]
            if c == UInt8(ascii: "'") {
                defer { pos += 1 }
                return String(decoding: bytes[start..<pos], as: UTF8.self)
            }
            if c == UInt8(ascii: "\n") || c == UInt8(ascii: "\r") { throw error(.unterminatedString(multiline: false), at: pos) }
            try checkStringByte(c)
            pos += 1
        }
    }

    /// `"""…"""` or `'''…'''`: a line end right after the opening quotes is dropped;
    /// one or two quotes may end the content just before the closing three.
    mutating func multilineString(literal: Bool) throws(TOMLError) -> String {
        let quote = bytes[pos]
        pos += 3
        if peek(0) == UInt8(ascii: "\n") { pos += 1 }
        else if peek(0) == UInt8(ascii: "\r") && peek(1) == UInt8(ascii: "\n") { pos += 2 }
        var out: [UInt8] = []
        while true {
            guard pos < bytes.count else { throw error(.unterminatedString(multiline: true), at: pos) }
            let c = bytes[pos]
            if c == quote {
                var run = 0
                while peek(run) == quote { run += 1 }
                if run >= 3 {
                    let extra = min(run - 3, 2)
                    out.append(contentsOf: repeatElement(quote, count: extra))
                    pos += 3 + extra
                    return String(decoding: out, as: UTF8.self)
                }
                out.append(contentsOf: repeatElement(quote, count: run))
                pos += run
            } else if c == UInt8(ascii: "\\") && !literal {
                try escape(into: &out, multiline: true)
            } else if c == UInt8(ascii: "\n") {
                out.append(c)
                pos += 1
            } else if c == UInt8(ascii: "\r") {
                guard peek(1) == UInt8(ascii: "\n") else { throw error(.bareCarriageReturn, at: pos) }
                out.append(UInt8(ascii: "\n"))
                pos += 2
            } else {
                try checkStringByte(c)
                out.append(c)
                pos += 1
            }
        }
    }

    /// Control characters other than tab must be escaped.
    private func checkStringByte(_ c: UInt8) throws(TOMLError) {
        if (c < 0x20 && c != UInt8(ascii: "\t")) || c == 0x7F {
            throw error(.controlCharacter(UInt32(c), context: "a string"), at: pos)
        }
    }

    /// A backslash escape at `pos`; in a multi-line string a backslash ending the line
    /// drops the line end and the whitespace after it.
    private mutating func escape(into out: inout [UInt8], multiline: Bool) throws(TOMLError) {
        let start = pos
        pos += 1
        guard let c = peek(0) else { throw error(.unterminatedString(multiline: multiline), at: pos) }
        switch c {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "\""): out.append(c)
        case UInt8(ascii: "\\"): out.append(c)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = c == UInt8(ascii: "u") ? 4 : 8
            var value: UInt32 = 0
            for k in 1...count {
                guard let h = peek(k), let digit = Self.hexDigit(h) else {
                    let shown = String(decoding: bytes[start..<min(pos + k, bytes.count)], as: UTF8.self)
                    throw error(.invalidEscape(shown + " (needs \(count) hex digits)"), at: start)
                }
                value = value << 4 | UInt32(digit)
            }
            let shown = String(decoding: bytes[start...(pos + count)], as: UTF8.self)
            guard let scalar = Unicode.Scalar(value) else { throw error(.invalidUnicodeEscape(shown), at: start) }
            out.append(contentsOf: String(Character(scalar)).utf8)
            pos += count
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
            guard multiline else { throw invalidEscape(c, at: start) }
            skipWhitespace()
            guard try newline() else {
                throw error(.invalidEscape("\\ (a backslash may end a line in a multi-line string, but nothing may follow it there)"), at: start)
            }
            while true {
                skipWhitespace()
                guard try newline() else { break }
            }
            return
        default:
            throw invalidEscape(c, at: start)
        }
        pos += 1
    }

    /// `\q`: an escape TOML does not have (`c` is the byte after the backslash).
    private func invalidEscape(_ c: UInt8, at start: Int) -> TOMLError {
        var end = start + 2
        while end < bytes.count && bytes[end] & 0xC0 == 0x80 { end += 1 }
        let shown: String
        switch c {
        case UInt8(ascii: " "): shown = "\\ followed by a space"
        case UInt8(ascii: "\t"): shown = "\\ followed by a tab"
        case UInt8(ascii: "\n"), UInt8(ascii: "\r"): shown = "\\ at the end of the line (only multi-line strings may continue a line)"
        case 0..<0x20, 0x7F: shown = "\\ followed by control character U+00" + (c < 0x10 ? "0" : "") + String(c, radix: 16, uppercase: true)
        default: shown = String(decoding: bytes[start..<end], as: UTF8.self)
        }
        return error(.invalidEscape(shown), at: start)
    }

    static func hexDigit(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
